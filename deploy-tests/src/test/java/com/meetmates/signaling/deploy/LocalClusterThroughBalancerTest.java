package com.meetmates.signaling.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 4, point 4: the real node, three times, behind the real HAProxy of local-cluster.sh; real
 * socket.io clients placed on chosen nodes by the balancer's cookie chat across nodes with the
 * default transports (polling, then upgrade), WebSocket only, and polling only; each sees the
 * cluster-wide online count.
 */
class LocalClusterThroughBalancerTest {
  private static final int NODES = 3;
  private static LocalCluster cluster;
  private static int balancerPort;

  @BeforeAll
  static void startCluster() {
    Path work = Path.of("target", "local-cluster-balancer-test").toAbsolutePath();
    cluster = LocalCluster.up(NODES, Map.of("CLUSTER_NAME", "test-" + UUID.randomUUID()), work);
    balancerPort = cluster.ports().balancerPort();
  }

  @AfterAll
  static void stopCluster() {
    cluster.down();
  }

  @Test
  void defaultTransportClientsOnTwoNodesUpgradeAndChat() throws Exception {
    try (BalancerClient alice = BalancerClient.defaultTransports(balancerPort, "node1");
         BalancerClient bob = BalancerClient.defaultTransports(balancerPort, "node2")) {
      chatAcrossNodes(alice, bob);

      assertThat(alice.requestedUrls()).anyMatch(url -> url.contains("transport=polling"))
          .anyMatch(url -> url.contains("transport=websocket") && url.contains("sid="));
    }
  }

  @Test
  void websocketOnlyClientsOnTwoNodesChat() throws Exception {
    try (BalancerClient carol = BalancerClient.websocketOnly(balancerPort, "node2");
         BalancerClient dave = BalancerClient.websocketOnly(balancerPort, "node3")) {
      chatAcrossNodes(carol, dave);

      assertThat(carol.requestedUrls()).noneMatch(url -> url.contains("transport=polling"));
    }
  }

  @Test
  void pollingOnlyClientChatsWithAWebsocketClientOnAnotherNode() throws Exception {
    try (BalancerClient erin = BalancerClient.pollingOnly(balancerPort, "node3");
         BalancerClient frank = BalancerClient.websocketOnly(balancerPort, "node1")) {
      chatAcrossNodes(erin, frank);

      assertThat(erin.requestedUrls()).noneMatch(url -> url.contains("transport=websocket"));
    }
  }

  @Test
  void everyNodeTellsItsClientsTheClusterWideOnlineCount() throws Exception {
    try (BalancerClient one = BalancerClient.websocketOnly(balancerPort, "node1");
         BalancerClient two = BalancerClient.defaultTransports(balancerPort, "node2");
         BalancerClient three = BalancerClient.websocketOnly(balancerPort, "node3")) {
      for (BalancerClient client : List.of(one, two, three)) {
        client.listen("onlineUsers").connect();
      }

      await().atMost(Duration.ofSeconds(BalancerClient.AWAIT_SECONDS)).untilAsserted(() -> {
        for (BalancerClient client : List.of(one, two, three)) {
          assertThat(client.lastArgument("onlineUsers")).isEqualTo(NODES);
        }
      });
    }
  }

  private static void chatAcrossNodes(BalancerClient first, BalancerClient second) throws Exception {
    first.listen("waiting", "chatStart", "message").connect();
    second.listen("waiting", "chatStart", "message").connect();

    first.emit("findChat");
    first.next("waiting");
    second.emit("findChat");

    JSONObject firstStart = (JSONObject) first.next("chatStart")[0];
    JSONObject secondStart = (JSONObject) second.next("chatStart")[0];
    assertThat(firstStart.getString("partnerId")).isEqualTo(second.id());
    assertThat(secondStart.getString("partnerId")).isEqualTo(first.id());

    String text = "hello from " + first.id();
    first.emit("sendMessage", text);
    assertThat(((JSONObject) second.next("message")[0]).getString("text")).isEqualTo(text);
    assertThat(((JSONObject) first.next("message")[0]).getString("text")).isEqualTo(text);
  }
}
