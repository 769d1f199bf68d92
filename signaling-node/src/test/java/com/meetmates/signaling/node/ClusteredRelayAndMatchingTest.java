package com.meetmates.signaling.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.meetmates.signaling.cluster.HazelcastChatState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Relays over the clustered event bus and matching across the nodes of a three-member cluster. */
class ClusteredRelayAndMatchingTest {

  private static final int CANDIDATES_EACH_WAY = 1000;
  private static final int CLIENTS_OVER_THREE_NODES = 300;

  @RegisterExtension
  static final NodeFixture cluster = NodeFixture.forClass(3, Map.of(NodeConfig.RATE_LIMIT_PER_SECOND, "0"));

  @Test
  void aThousandCandidatesEachWayBetweenTwoNodesArriveCompleteAndInOrderAfterTheirOffer() throws Exception {
    try (ChatClient onFirst = ChatClient.connect(cluster.url(0));
        ChatClient onSecond = ChatClient.connect(cluster.url(1))) {
      assertThat(onFirst.request("findChat", "a@example.com", true).getBoolean("ok")).isTrue();
      assertThat(onSecond.request("findChat", "b@example.com", true).getBoolean("ok")).isTrue();
      onFirst.next("chatStart");
      onSecond.next("chatStart");

      onFirst.emit("webrtc-offer", new JSONObject(Map.of("offer", new JSONObject(Map.of("type", "offer", "sdp", "o")))));
      for (int i = 0; i < CANDIDATES_EACH_WAY; i++) {
        onFirst.emit("ice-candidate", candidate("first", i));
        onSecond.emit("ice-candidate", candidate("second", i));
      }

      assertThat(onSecond.nextObject("webrtc-offer").getString("from")).isEqualTo(onFirst.id());
      for (int i = 0; i < CANDIDATES_EACH_WAY; i++) {
        JSONObject atSecond = onSecond.nextObject("ice-candidate");
        assertThat(atSecond.getJSONObject("candidate").getString("candidate")).isEqualTo("first " + i);
        assertThat(atSecond.getString("from")).isEqualTo(onFirst.id());
        JSONObject atFirst = onFirst.nextObject("ice-candidate");
        assertThat(atFirst.getJSONObject("candidate").getString("candidate")).isEqualTo("second " + i);
      }
      assertThat(onSecond.events().indexOf("webrtc-offer")).isLessThan(onSecond.events().indexOf("ice-candidate"));
      assertThat(onFirst.pending("ice-candidate")).isZero();
      assertThat(onSecond.pending("ice-candidate")).isZero();
    }
  }

  @Test
  void threeHundredClientsOverThreeNodesCallingFindChatAtOnceMakeExactly150Pairs() throws Exception {
    List<ChatClient> clients = new ArrayList<>();
    try {
      for (int i = 0; i < CLIENTS_OVER_THREE_NODES; i++) {
        clients.add(ChatClient.open(cluster.url(i % 3), ChatClient.WEBSOCKET_ONLY, Map.of()));
      }
      for (ChatClient client : clients) {
        client.connected().get(ChatClient.AWAIT_SECONDS, TimeUnit.SECONDS);
      }

      clients.forEach(client -> client.emit("findChat", "load@example.com", clients.indexOf(client) % 2 == 0));

      Map<String, String> partnerOf = new HashMap<>();
      for (ChatClient client : clients) {
        partnerOf.put(client.id(), client.nextObject("chatStart").getString("partnerId"));
      }
      partnerOf.forEach((member, partner) -> assertThat(partnerOf.get(partner)).isEqualTo(member));
      assertThat(new HashSet<>(partnerOf.values())).hasSize(CLIENTS_OVER_THREE_NODES);
      await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(cluster.state().sizes())
          .isEqualTo(new HazelcastChatState.Sizes(CLIENTS_OVER_THREE_NODES, CLIENTS_OVER_THREE_NODES / 2, 0)));
      for (ChatClient client : clients) {
        assertThat(client.received("chatStart")).isEqualTo(1);
      }
    } finally {
      clients.forEach(ChatClient::close);
    }
  }

  private static JSONObject candidate(String side, int index) {
    return new JSONObject(Map.of("candidate", new JSONObject(Map.of("candidate", side + " " + index, "sdpMid", "0"))));
  }
}
