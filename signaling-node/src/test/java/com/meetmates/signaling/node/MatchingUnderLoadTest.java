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
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Matching and clean-up with many real clients at once on one node. */
class MatchingUnderLoadTest {

  private static final int SIMULTANEOUS_CLIENTS = 200;
  private static final int CYCLE_CLIENTS = 2000;
  private static final int WAVE = 100;

  @RegisterExtension
  static final NodeFixture node = NodeFixture.forClass(1, Map.of(NodeConfig.RATE_LIMIT_PER_SECOND, "0"));

  @Test
  void twoHundredSimultaneousFindChatsMakeExactlyOneHundredPairs() throws Exception {
    List<ChatClient> clients = connect(SIMULTANEOUS_CLIENTS);
    try {
      clients.forEach(client -> client.emit("findChat", "load@example.com", false));

      Map<String, String> partnerOf = awaitChatStarts(clients);

      assertThat(partnerOf).hasSize(SIMULTANEOUS_CLIENTS);
      partnerOf.forEach((member, partner) -> assertThat(partnerOf.get(partner)).isEqualTo(member));
      assertThat(new HashSet<>(partnerOf.values())).hasSize(SIMULTANEOUS_CLIENTS);
      assertThat(node.state().sizes()).isEqualTo(new HazelcastChatState.Sizes(SIMULTANEOUS_CLIENTS, 100, 0));
      for (ChatClient client : clients) {
        assertThat(client.received("chatStart")).isEqualTo(1);
      }
    } finally {
      clients.forEach(ChatClient::close);
    }
    node.awaitEmptyState();
  }

  @Test
  void twoThousandConnectMatchRelayLeaveCyclesLeaveNothingBehind() throws Exception {
    for (int wave = 0; wave < CYCLE_CLIENTS / WAVE; wave++) {
      List<ChatClient> clients = connect(WAVE);
      clients.forEach(client -> client.emit("findChat", "cycle@example.com", clients.indexOf(client) % 3 == 0));
      Map<String, String> partnerOf = awaitChatStarts(clients);
      Map<String, ChatClient> byId = new HashMap<>();
      clients.forEach(client -> byId.put(client.id(), client));
      Set<String> leavers = new HashSet<>();
      for (ChatClient client : clients) {
        if (!leavers.contains(partnerOf.get(client.id()))) {
          leavers.add(client.id());
          client.emit("ice-candidate", new JSONObject(Map.of("candidate", new JSONObject(Map.of("candidate", "c")))));
        }
      }
      for (String leaver : leavers) {
        ChatClient partner = byId.get(partnerOf.get(leaver));
        assertThat(partner.nextObject("ice-candidate").getString("from")).isEqualTo(leaver);
        byId.get(leaver).close();
      }
      for (String leaver : leavers) {
        assertThat(byId.get(partnerOf.get(leaver)).nextObject("partnerLeft").getString("partnerId")).isEqualTo(leaver);
      }
      clients.forEach(ChatClient::close);
    }

    node.awaitEmptyState();
    await().atMost(Duration.ofSeconds(10))
        .until(() -> node.state().onlineCount().toCompletableFuture().get(10, TimeUnit.SECONDS) == 0);
    assertThat(node.node(0).chat().localSessions()).isZero();
  }

  private static List<ChatClient> connect(int count) throws Exception {
    List<ChatClient> clients = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      clients.add(ChatClient.open(node.url(), ChatClient.WEBSOCKET_ONLY, Map.of()));
    }
    for (ChatClient client : clients) {
      client.connected().get(ChatClient.AWAIT_SECONDS, TimeUnit.SECONDS);
    }
    return clients;
  }

  /** Each client's partner id, once every client got its chatStart. */
  private static Map<String, String> awaitChatStarts(List<ChatClient> clients) throws Exception {
    Map<String, String> partnerOf = new HashMap<>();
    for (ChatClient client : clients) {
      partnerOf.put(client.id(), client.nextObject("chatStart").getString("partnerId"));
    }
    await().atMost(Duration.ofSeconds(20)).until(() -> node.state().sizes().waiting() == 0);
    return partnerOf;
  }
}
