package com.meetmates.signaling.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.meetmates.signaling.cluster.TestClusters;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * /metrics of a node started as production starts it (its own clustered Vert.x with metrics, a Hazelcast file),
 * while real socket.io clients chat with it.
 */
class MetricsEndpointTest {

  private static final Duration SAMPLED = Duration.ofSeconds(10);

  @TempDir
  static Path directory;
  private static SignalingNode node;
  private static String url;
  private final List<ChatClient> clients = new ArrayList<>();

  @BeforeAll
  static void startNode() throws Exception {
    Path hazelcast = HazelcastFiles.cluster(directory, 1).get(0);
    node = TestClusters.await(SignalingNode.start(NodeConfig.of(Map.of(
        NodeConfig.PORT, "0",
        NodeConfig.HOST, "127.0.0.1",
        NodeConfig.CLUSTER_CONFIG, hazelcast.toString(),
        NodeConfig.CLUSTER_HOST, "127.0.0.1",
        NodeConfig.METRICS_STATE_INTERVAL_MS, "100"))));
    url = "http://127.0.0.1:" + node.port();
  }

  @AfterAll
  static void stopNode() throws Exception {
    TestClusters.await(node.close());
  }

  @AfterEach
  void closeClients() {
    clients.forEach(ChatClient::close);
    await().atMost(SAMPLED).until(() -> node.chat().localSessions() == 0);
  }

  @Test
  void sessionPairAndRelayFiguresMoveWhileTwoClientsChat() throws Exception {
    PrometheusText before = PrometheusText.scrape(url);
    ChatClient[] pair = pair();

    JSONObject offer = new JSONObject(Map.of("type", "offer", "sdp", "v=0 offer"));
    JSONObject answer = new JSONObject(Map.of("type", "answer", "sdp", "v=0 answer"));
    pair[0].emit("webrtc-offer", new JSONObject(Map.of("offer", offer)));
    pair[1].emit("webrtc-answer", new JSONObject(Map.of("answer", answer)));
    pair[0].emit("ice-candidate", new JSONObject().put("candidate", JSONObject.NULL));
    pair[0].emit("sendMessage", "hello");
    pair[1].next("webrtc-offer");
    pair[0].next("webrtc-answer");
    pair[1].next("ice-candidate");
    pair[1].next("message");

    PrometheusText during = PrometheusText.scrape(url);
    assertThat(during.value("signaling_sessions_local")).isEqualTo(2);
    assertThat(increase(before, during, "signaling_pairs_started_total")).isEqualTo(1);
    for (String type : List.of("offer", "answer", "ice-candidate", "message")) {
      assertThat(increase(before, during, "signaling_relayed_messages_total", "type", type)).as(type).isEqualTo(1);
      assertThat(increase(before, during, "signaling_relay_latency_seconds_count", "type", type)).as(type)
          .isEqualTo(1);
    }
    assertThat(increase(before, during, "signaling_match_latency_seconds_count")).isEqualTo(2);
    assertThat(increase(before, during, "signaling_hazelcast_operations_total", "op", "startWaiting")).isEqualTo(2);
    assertThat(increase(before, during, "signaling_hazelcast_operations_total", "op", "createPair")).isEqualTo(1);
    await().atMost(SAMPLED).untilAsserted(() -> {
      PrometheusText sampled = PrometheusText.scrape(url);
      assertThat(sampled.value("signaling_cluster_sessions")).isEqualTo(2);
      assertThat(sampled.value("signaling_cluster_pairs")).isEqualTo(1);
      assertThat(sampled.value("signaling_cluster_waiting")).isZero();
    });

    pair[1].disconnect();

    pair[0].next("partnerLeft");
    await().atMost(SAMPLED).untilAsserted(() -> {
      PrometheusText after = PrometheusText.scrape(url);
      assertThat(after.value("signaling_sessions_local")).isEqualTo(1);
      assertThat(after.value("signaling_cluster_pairs")).isZero();
    });
  }

  @Test
  void waitingUserShowsInTheQueueLength() throws Exception {
    ChatClient waiting = client();
    waiting.request("findChat", "w@example.com", false);

    await().atMost(SAMPLED).until(() -> PrometheusText.scrape(url).value("signaling_cluster_waiting") == 1);
  }

  @Test
  void rejectedEventsAreCountedByReason() throws Exception {
    PrometheusText before = PrometheusText.scrape(url);
    ChatClient client = client();

    client.request("webrtc-offer", "not an object");
    client.request("no-such-event");

    PrometheusText after = PrometheusText.scrape(url);
    assertThat(increase(before, after, "signaling_rejected_events_total", "reason", "invalid")).isEqualTo(1);
    assertThat(increase(before, after, "signaling_rejected_events_total", "reason", "unknown_event")).isEqualTo(1);
    assertThat(increase(before, after, "signaling_rejected_events_total", "reason", "rate_limited")).isZero();
  }

  @Test
  void clusterEventBusAndJvmFiguresAreServedInPrometheusFormat() throws Exception {
    PrometheusText metrics = PrometheusText.scrape(url);

    assertThat(metrics.contentType()).startsWith("text/plain");
    assertThat(metrics.value("signaling_cluster_members")).isEqualTo(1);
    assertThat(metrics.value("signaling_ready")).isEqualTo(1);
    assertThat(metrics.has("vertx_eventbus_handlers")).isTrue();
    assertThat(metrics.has("jvm_memory_used_bytes")).isTrue();
  }

  private static double increase(PrometheusText before, PrometheusText after, String name, String... labels) {
    return after.value(name, labels) - before.value(name, labels);
  }

  private ChatClient client() throws Exception {
    ChatClient client = ChatClient.connect(url, ChatClient.WEBSOCKET_ONLY, Map.of());
    clients.add(client);
    return client;
  }

  private ChatClient[] pair() throws Exception {
    ChatClient first = client();
    ChatClient second = client();
    first.request("findChat", "a@example.com", true);
    second.request("findChat", "b@example.com", true);
    first.next("chatStart");
    second.next("chatStart");
    return new ChatClient[] {first, second};
  }
}
