package com.meetmates.signaling.socketio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the server puts on the wire and how it treats bad packets, seen from a hand-driven connection. */
class WireProtocolTest {

  private static final int MAX_PACKET_BYTES = 2_000;
  private static final long CONNECT_TIMEOUT_MS = 300;

  private static SocketIoTestServer server;
  private RawConnection connection;
  private RawConnection bystander;

  @BeforeAll
  static void startServer() throws Exception {
    server = SocketIoTestServer.start(SocketIoTestServer.options().maxPacketBytes(MAX_PACKET_BYTES));
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.close();
  }

  @AfterEach
  void closeConnections() throws Exception {
    for (RawConnection open : new RawConnection[] {connection, bystander}) {
      if (open != null) {
        open.close();
      }
    }
  }

  @Test
  void connectReplyCarriesASocketIdDistinctFromTheEngineSessionId() throws Exception {
    connection = RawConnection.open(server);

    String socketId = connection.connect("/");

    assertThat(socketId).isNotBlank().isNotEqualTo(connection.engineSessionId);
    assertThat(server.io().namespace("/").socket(socketId)).isNotNull();
  }

  @Test
  void customNamespaceIsJoinedOnTheSameConnection() throws Exception {
    connection = RawConnection.open(server);

    String main = connection.connect("/");
    String admin = connection.connect(TestApp.ADMIN_NAMESPACE);

    assertThat(admin).isNotEqualTo(main);
    assertThat(server.io().namespace(TestApp.ADMIN_NAMESPACE).socket(admin)).isNotNull();
  }

  @Test
  void unknownNamespaceGetsConnectErrorAndTheConnectionStays() throws Exception {
    connection = RawConnection.open(server);

    connection.send("0/random");

    assertThat(connection.nextText()).isEqualTo("4/random,{\"message\":\"Invalid namespace\"}");
    assertThat(connection.connect("/")).isNotBlank();
  }

  @Test
  void middlewareRefusalCarriesMessageAndData() throws Exception {
    connection = RawConnection.open(server);

    connection.send("0{\"token\":\"" + TestApp.REFUSED_TOKEN + "\"}");

    assertThat(connection.nextText())
        .isEqualTo("4{\"message\":\"" + TestApp.REFUSAL_MESSAGE + "\",\"data\":{\"code\":\"" + TestApp.REFUSAL_CODE + "\"}}");
  }

  @Test
  void eventsAndAcksUseTheReferenceEncoding() throws Exception {
    connection = RawConnection.open(server);
    connection.connect("/");

    connection.send("27[\"echo\",1,\"2\",{\"3\":[true]}]");

    assertThat(connection.nextText()).isEqualTo("2[\"echo\",1,\"2\",{\"3\":[true]}]");
    assertThat(connection.nextText()).isEqualTo("37[1,\"2\",{\"3\":[true]}]");
  }

  @Test
  void binaryAttachmentsTravelAsSeparateFramesAfterTheirPacket() throws Exception {
    connection = RawConnection.open(server);
    connection.connect("/");

    connection.send("52-[\"echo\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]");
    connection.send(Buffer.buffer(new byte[] {1, 2, 3}));
    connection.send(Buffer.buffer(new byte[] {4, 5, 6}));

    assertThat(connection.nextText())
        .isEqualTo("52-[\"echo\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]");
    assertThat(connection.nextBinary()).isEqualTo(Buffer.buffer(new byte[] {1, 2, 3}));
    assertThat(connection.nextBinary()).isEqualTo(Buffer.buffer(new byte[] {4, 5, 6}));
  }

  @Test
  void serverDisconnectSendsDisconnectPacket() throws Exception {
    connection = RawConnection.open(server);
    String id = connection.connect("/");

    connection.send("2[\"disconnect-me\"]");

    assertThat(connection.nextText()).isEqualTo("1");
    await().atMost(Duration.ofSeconds(RawConnection.WAIT_SECONDS))
        .until(() -> DisconnectReason.SERVER_NAMESPACE_DISCONNECT.equals(server.app.disconnectReasons.get(id)));
  }

  @Test
  void clientDisconnectLeavesTheNamespaceButKeepsTheConnection() throws Exception {
    connection = RawConnection.open(server);
    String first = connection.connect("/");

    connection.send("1");

    await().atMost(Duration.ofSeconds(RawConnection.WAIT_SECONDS))
        .until(() -> DisconnectReason.CLIENT_NAMESPACE_DISCONNECT.equals(server.app.disconnectReasons.get(first)));
    assertThat(connection.connect("/")).isNotEqualTo(first);
  }

  @Test
  void eventForANamespaceNotJoinedIsIgnored() throws Exception {
    connection = RawConnection.open(server);
    connection.connect("/");

    connection.send("2/admin,[\"echo\",\"lost\"]");
    connection.send("2[\"echo\",\"kept\"]");

    assertThat(connection.nextText()).isEqualTo("2[\"echo\",\"kept\"]");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "2[\"echo\"", "9[\"echo\"]", "2{\"echo\":1}", "2[\"echo\",]", "3[\"no id\"]", "2123456789012345678[\"echo\"]",
      "52-[\"echo\",{\"_placeholder\":true,\"num\":0}]", "51-[\"echo\",{\"_placeholder\":true,\"num\":3}]", "abc", "4abc"})
  void malformedPacketClosesThatConnectionAndNothingElse(String malformed) throws Exception {
    bystander = RawConnection.open(server);
    bystander.connect("/");
    connection = RawConnection.open(server);
    String id = connection.connect("/");

    connection.send(malformed);

    connection.awaitClosed();
    assertThat(server.app.disconnectReasons).containsEntry(id, DisconnectReason.PARSE_ERROR);
    bystander.send("2[\"echo\",\"still here\"]");
    assertThat(bystander.nextText()).isEqualTo("2[\"echo\",\"still here\"]");
  }

  @Test
  void oversizedPacketClosesTheConnection() throws Exception {
    connection = RawConnection.open(server);
    String id = connection.connect("/");

    connection.send("2[\"echo\",\"" + "x".repeat(MAX_PACKET_BYTES) + "\"]");

    connection.awaitClosed();
    assertThat(server.app.disconnectReasons).containsEntry(id, DisconnectReason.PARSE_ERROR);
  }

  @Test
  void binaryAttachmentWithoutAnnouncingPacketClosesTheConnection() throws Exception {
    connection = RawConnection.open(server);
    connection.connect("/");

    connection.send(Buffer.buffer(new byte[] {1}));

    connection.awaitClosed();
  }

  @Test
  void connectionThatJoinsNoNamespaceInTimeIsClosed() throws Exception {
    try (SocketIoTestServer strict = SocketIoTestServer.start(
        SocketIoTestServer.options().connectTimeoutMs(CONNECT_TIMEOUT_MS))) {
      connection = RawConnection.open(strict);

      connection.awaitClosed();
    }
  }
}
