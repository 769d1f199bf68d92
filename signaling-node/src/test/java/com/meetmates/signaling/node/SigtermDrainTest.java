package com.meetmates.signaling.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.awaitility.core.ConditionTimeoutException;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two node processes in one Hazelcast cluster; one gets a real SIGTERM while its user chats with a user of the
 * other. The JVM's shutdown hook drains the node: its partner hears partnerLeft once, without waiting for a
 * failure detector or a ping timeout, and the survivor's shared state holds nothing of it.
 */
class SigtermDrainTest {

  private static final long DRAIN_DELAY_MS = 500;
  /** Hazelcast's failure detection here takes 5 s, the clients' ping timeout 45 s: the drain must beat both. */
  private static final Duration PARTNER_LEFT_WITHIN = Duration.ofMillis(DRAIN_DELAY_MS + 4000);
  private static final Duration GENEROUS = Duration.ofSeconds(60);
  private static final String[] POLLING = {"polling"};
  private static final Map<String, String> SETTINGS = Map.of(
      NodeConfig.DRAIN_DELAY_MS, Long.toString(DRAIN_DELAY_MS),
      NodeConfig.METRICS_STATE_INTERVAL_MS, "200");

  @TempDir
  Path directory;
  private final List<NodeProcess> nodes = new ArrayList<>();
  private final List<ChatClient> clients = new ArrayList<>();

  @AfterEach
  void stopEverything() throws Exception {
    clients.forEach(ChatClient::close);
    for (NodeProcess node : nodes) {
      node.close();
    }
  }

  @Test
  void sigtermedNodesPartnerHearsPartnerLeftOnceAndTheSurvivorHoldsNothingOfIt() throws Exception {
    List<Path> hazelcast = HazelcastFiles.cluster(directory, 2);
    NodeProcess survivor = node(hazelcast.get(0)).awaitListening();
    NodeProcess stopping = node(hazelcast.get(1)).awaitListening();
    awaitShowingLogs(() -> PrometheusText.scrape(survivor.url()).value("signaling_cluster_members") == 2);
    ChatClient staying = client(survivor, ChatClient.WEBSOCKET_ONLY);
    ChatClient leaving = client(stopping, POLLING);
    pair(staying, leaving);
    client(stopping, ChatClient.WEBSOCKET_ONLY).request("findChat", "w@example.com", false);
    leaving.request("webrtc-offer", "not an object");
    String leavingId = leaving.id();

    long sigterm = System.nanoTime();
    stopping.terminate();

    JSONObject partnerLeft = staying.nextObject("partnerLeft");
    assertThat(Duration.ofNanos(System.nanoTime() - sigterm)).isLessThan(PARTNER_LEFT_WITHIN);
    assertThat(partnerLeft.getString("partnerId")).isEqualTo(leavingId);
    assertThat(leaving.next("disconnect")[0]).isEqualTo("transport close");
    assertThat(stopping.awaitExit(GENEROUS)).as("the drained JVM exits").isTrue();
    await().atMost(GENEROUS).untilAsserted(() -> {
      PrometheusText metrics = PrometheusText.scrape(survivor.url());
      assertThat(metrics.value("signaling_cluster_members")).isEqualTo(1);
      assertThat(metrics.value("signaling_cluster_sessions")).isEqualTo(1);
      assertThat(metrics.value("signaling_cluster_pairs")).isZero();
      assertThat(metrics.value("signaling_cluster_waiting")).isZero();
    });

    ChatClient newcomer = client(survivor, ChatClient.WEBSOCKET_ONLY);
    staying.request("findChat", "again@example.com", false);
    newcomer.request("findChat", "new@example.com", false);
    assertThat(staying.nextObject("chatStart").getString("partnerId")).isEqualTo(newcomer.id());
    assertThat(staying.received("partnerLeft")).isEqualTo(1);
    assertJsonLogsNameTheNodeAndTheSocket(stopping, leavingId);
  }

  private static void assertJsonLogsNameTheNodeAndTheSocket(NodeProcess node, String socketId) throws Exception {
    String output = node.output();
    JSONObject rejected = node.firstLine(line -> line.optString("message").contains("rejected")).orElseThrow(
        () -> new AssertionError("no 'rejected' line in:\n" + output));
    assertThat(rejected.getString("socketId")).isEqualTo(socketId);
    assertThat(rejected.getString("nodeId")).isEqualTo(node.nodeId());
    JSONObject stopped = node.firstLine(line -> line.optString("message").endsWith(" stopped")).orElseThrow(
        () -> new AssertionError("no 'stopped' line in:\n" + output));
    assertThat(stopped.getString("nodeId")).isEqualTo(node.nodeId());
  }

  /** Waits for the condition; if it never holds, fails with what the nodes logged. */
  private void awaitShowingLogs(Callable<Boolean> condition) throws Exception {
    try {
      await().atMost(GENEROUS).until(condition);
    } catch (ConditionTimeoutException e) {
      StringBuilder logs = new StringBuilder();
      for (NodeProcess node : nodes) {
        logs.append("\n--- ").append(node.url()).append('\n').append(node.output());
      }
      throw new AssertionError(e.getMessage() + logs, e);
    }
  }

  private NodeProcess node(Path hazelcastFile) throws Exception {
    NodeProcess node = NodeProcess.start(hazelcastFile, SETTINGS, directory.resolve("node-" + nodes.size() + ".log"));
    nodes.add(node);
    return node;
  }

  private ChatClient client(NodeProcess node, String[] transports) throws Exception {
    ChatClient client = ChatClient.connect(node.url(), transports, Map.of());
    clients.add(client);
    return client;
  }

  private static void pair(ChatClient first, ChatClient second) throws Exception {
    first.request("findChat", "f@example.com", true);
    second.request("findChat", "s@example.com", true);
    first.next("chatStart");
    second.next("chatStart");
  }
}
