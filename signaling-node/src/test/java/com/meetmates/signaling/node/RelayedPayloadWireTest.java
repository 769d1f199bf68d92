package com.meetmates.signaling.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.meetmates.signaling.socketio.RawConnection;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the partner's socket receives of a relayed payload, byte for byte: the sender's own JSON text, on one node and
 * across two, whatever its escapes, unicode and whitespace.
 */
class RelayedPayloadWireTest {

  private static final String CANDIDATE = "{\"candidate\":\"candidate:1 1 udp 2122260223 192.0.2.1 54321 typ host"
      + " é ✓ 😀 \\\"q\\\" \\\\ \\u2028 \\/\", \"sdpMid\" : \"0\",\"sdpMLineIndex\":0,\"usernameFragment\":null}";

  @RegisterExtension
  static final NodeFixture cluster = NodeFixture.forClass(2, Map.of(NodeConfig.RATE_LIMIT_PER_SECOND, "0"));

  private static Vertx vertx;

  @BeforeAll
  static void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stopVertx() {
    vertx.close().await();
  }

  @Test
  void aCandidateReachesItsPartnerOnTheSameNodeExactlyAsItsSenderWroteIt() throws Exception {
    assertCandidateArrivesAsWritten(0, 0);
  }

  @Test
  void aCandidateReachesItsPartnerOnAnotherNodeExactlyAsItsSenderWroteIt() throws Exception {
    assertCandidateArrivesAsWritten(0, 1);
  }

  @Test
  void anOfferReachesItsPartnerAsTypeAndSdpWrittenAsTheSenderWroteThemAndNothingElse() throws Exception {
    Client[] pair = pairOn(0, 1);
    String sdp = "\"v=0\\r\\no=- 1 2 IN IP4 127.0.0.1\\r\\ns=\\u00e9 ✓\\r\\n\"";
    try {
      pair[0].send("2[\"webrtc-offer\",{\"offer\":{\"sdp\":" + sdp + ",\"extra\":[1],\"type\":\"offer\"}}]");

      assertThat(nextEvent(pair[1], "webrtc-offer")).isEqualTo(
          "2[\"webrtc-offer\",{\"offer\":{\"type\":\"offer\",\"sdp\":" + sdp + "},\"from\":\"" + pair[0].id() + "\"}]");
    } finally {
      close(pair);
    }
  }

  @Test
  void aCandidateOverTheLimitInUtf8BytesIsRefusedAsBeforeAndGoesNowhereThoughItHasFewerCharacters() throws Exception {
    Client[] pair = pairOn(0, 1);
    String tooLarge = "{\"candidate\":\"" + "é".repeat(2100) + "\"}";
    try {
      pair[0].send("27[\"ice-candidate\",{\"candidate\":" + tooLarge + "}]");

      assertThat(nextEvent(pair[0], "error")).startsWith("2[\"error\",\"candidate larger than 4096 bytes\",{")
          .contains("\"code\":\"INVALID_CANDIDATE\"");
      assertThat(nextStartingWith(pair[0], "37[")).contains("\"ok\":false", "INVALID_CANDIDATE");
      pair[0].send("2[\"ice-candidate\",{\"candidate\":" + CANDIDATE + "}]");
      assertThat(nextEvent(pair[1], "ice-candidate")).contains(CANDIDATE);
    } finally {
      close(pair);
    }
  }

  @Test
  void aCandidateWithBinaryDataIsRefusedSinceACandidateIsJson() throws Exception {
    Client[] pair = pairOn(0, 0);
    try {
      pair[0].send("51-[\"ice-candidate\",{\"candidate\":{\"_placeholder\":true,\"num\":0}}]");
      pair[0].raw().send(Buffer.buffer(new byte[] {1, 2, 3}));

      assertThat(nextEvent(pair[0], "error")).contains("INVALID_CANDIDATE");
      pair[0].send("2[\"ice-candidate\",{\"candidate\":" + CANDIDATE + "}]");
      assertThat(nextEvent(pair[1], "ice-candidate")).contains(CANDIDATE);
    } finally {
      close(pair);
    }
  }

  private static void assertCandidateArrivesAsWritten(int senderNode, int partnerNode) throws Exception {
    Client[] pair = pairOn(senderNode, partnerNode);
    try {
      pair[0].send("2[\"ice-candidate\",{ \"candidate\" : " + CANDIDATE + " }]");
      pair[0].send("2[\"ice-candidate\",{\"candidate\":null}]");

      String from = ",\"from\":\"" + pair[0].id() + "\"}]";
      assertThat(nextEvent(pair[1], "ice-candidate")).isEqualTo("2[\"ice-candidate\",{\"candidate\":" + CANDIDATE + from);
      assertThat(nextEvent(pair[1], "ice-candidate")).isEqualTo("2[\"ice-candidate\",{\"candidate\":null" + from);
    } finally {
      close(pair);
    }
  }

  /** Two raw clients, the first on one node and the second on the other, paired with each other. */
  private static Client[] pairOn(int firstNode, int secondNode) throws Exception {
    Client first = connect(firstNode);
    Client second = connect(secondNode);
    first.send("2[\"findChat\",null,true]");
    nextEvent(first, "waiting");
    second.send("2[\"findChat\",null,true]");
    nextEvent(first, "chatStart");
    nextEvent(second, "chatStart");
    return new Client[] {first, second};
  }

  private static Client connect(int node) throws Exception {
    RawConnection connection = RawConnection.open(vertx, URI.create(cluster.url(node)).getPort(), "/socket.io/");
    return new Client(connection, connection.connect("/"));
  }

  /** A raw connection and the socket id the server gave it. */
  private record Client(RawConnection raw, String id) {
    void send(String packet) throws Exception {
      raw.send(packet);
    }
  }

  /** The next packet of that event, skipping the others (the online count, for one). */
  private static String nextEvent(Client client, String event) throws InterruptedException {
    return nextStartingWith(client, "2[\"" + event + "\"");
  }

  private static String nextStartingWith(Client client, String prefix) throws InterruptedException {
    while (true) {
      String packet = client.raw().nextText();
      if (packet.startsWith(prefix)) {
        return packet;
      }
    }
  }

  private static void close(Client[] pair) throws Exception {
    for (Client client : pair) {
      client.raw().close();
    }
  }
}
