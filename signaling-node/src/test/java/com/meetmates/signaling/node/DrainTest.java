package com.meetmates.signaling.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.meetmates.signaling.cluster.HazelcastChatState;
import com.meetmates.signaling.cluster.TestClusters;
import io.vertx.core.Future;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The graceful drain of SIGTERM, run in-process on one member of a real two-member cluster: readiness off and
 * new sessions refused at once, sockets closed only after the drain delay, pairs settled by the node itself
 * (no failure detector, no ping timeout), nothing of its sessions left in the shared state.
 */
class DrainTest {

  /** Long enough that what must happen before the sockets close is seen well before they do. */
  private static final long DRAIN_DELAY_MS = 3000;
  /** The partner's partnerLeft comes from the drain itself: well under Hazelcast's 5 s failure detection. */
  private static final Duration PARTNER_LEFT_AFTER_DELAY = Duration.ofMillis(DRAIN_DELAY_MS + 1500);

  /**
   * Clients whose end is watched use long-polling: the Java client's WebSocket transport never answers a
   * server's close frame (no onClosing), so it would only notice the close at its ping timeout. Browsers and
   * the Node client answer it.
   */
  private static final String[] POLLING = {"polling"};

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final List<ChatClient> clients = new ArrayList<>();
  private NodeFixture cluster;

  @BeforeEach
  void startCluster() throws Exception {
    cluster = NodeFixture.start(2, Map.of(NodeConfig.DRAIN_DELAY_MS, Long.toString(DRAIN_DELAY_MS)));
  }

  @AfterEach
  void stopCluster() throws Exception {
    clients.forEach(ChatClient::close);
    cluster.close();
  }

  @Test
  void readinessTurnsFalseAndNewSessionsAreRefusedBeforeTheSocketsClose() throws Exception {
    ChatClient connected = client(1, POLLING);
    ChatClient waiting = client(1);
    waiting.request("findChat", "w@example.com", false);

    Future<Void> drained = cluster.node(1).drain();

    HttpResponse<String> ready = get(1, "/ready");
    assertThat(ready.statusCode()).isEqualTo(503);
    assertThat(new JSONObject(ready.body()).getBoolean("ready")).isFalse();
    HttpResponse<String> handshake = get(1, "/socket.io/?EIO=4&transport=polling");
    assertThat(handshake.statusCode()).isEqualTo(503);
    assertThat(new JSONObject(handshake.body()).getInt("code")).isEqualTo(4);
    assertThat(get(1, "/health").statusCode()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(2)).until(() -> cluster.state().sizes().waiting() == 0);
    assertThat(connected.pending("disconnect")).as("sockets still open during the drain delay").isZero();
    assertThat(waiting.pending("disconnect")).isZero();

    assertThat(connected.next("disconnect")[0]).as("a reason the client reconnects on").isEqualTo("transport close");
    TestClusters.await(drained);
    assertThat(get(0, "/ready").statusCode()).isEqualTo(200);
  }

  @Test
  void partnerOnTheOtherNodeHearsPartnerLeftOnceAndNothingOfTheDrainedNodeStays() throws Exception {
    ChatClient[] acrossNodes = pair(0, 1);
    ChatClient[] bothOnDrained = pair(client(1, POLLING), client(1));
    ChatClient[] bothOnSurvivor = pair(0, 0);
    ChatClient waitingOnDrained = client(1);
    waitingOnDrained.request("findChat", "w@example.com", false);
    String drainedNode = cluster.node(1).nodeId();
    String partnerOnDrainedNode = acrossNodes[1].id();

    long start = System.nanoTime();
    Future<Void> drained = cluster.node(1).drain();

    JSONObject partnerLeft = acrossNodes[0].nextObject("partnerLeft");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(PARTNER_LEFT_AFTER_DELAY);
    assertThat(partnerLeft.getString("partnerId")).isEqualTo(partnerOnDrainedNode);
    TestClusters.await(drained);
    assertThat(cluster.state().sessionsOn(drainedNode).toCompletableFuture().get()).isEmpty();
    assertThat(cluster.state().sizes()).isEqualTo(new HazelcastChatState.Sizes(3, 1, 0));

    assertThat(acrossNodes[0].request("findChat", "again@example.com", false).getBoolean("ok")).isTrue();
    ChatClient newcomer = client(0);
    newcomer.request("findChat", "new@example.com", false);
    assertThat(acrossNodes[0].nextObject("chatStart").getString("partnerId")).isEqualTo(newcomer.id());
    bothOnSurvivor[0].emit("sendMessage", "still here");
    assertThat(bothOnSurvivor[1].nextObject("message").getString("text")).isEqualTo("still here");
    assertThat(acrossNodes[0].received("partnerLeft")).isEqualTo(1);
    assertThat(bothOnSurvivor[0].received("partnerLeft")).isZero();
    assertThat(bothOnDrained[0].next("disconnect")[0]).isEqualTo("transport close");
  }

  @Test
  void secondStopRequestJoinsTheDrainUnderWay() throws Exception {
    Future<Void> drain = cluster.node(1).drain();

    assertThat(cluster.node(1).drain()).isSameAs(drain);
    assertThat(cluster.node(1).close()).isSameAs(drain);
    TestClusters.await(drain);
  }

  private HttpResponse<String> get(int node, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(cluster.url(node) + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private ChatClient client(int node) throws Exception {
    return client(node, ChatClient.WEBSOCKET_ONLY);
  }

  private ChatClient client(int node, String[] transports) throws Exception {
    ChatClient client = ChatClient.connect(cluster.url(node), transports, Map.of());
    clients.add(client);
    return client;
  }

  private ChatClient[] pair(int firstNode, int secondNode) throws Exception {
    return pair(client(firstNode), client(secondNode));
  }

  private static ChatClient[] pair(ChatClient first, ChatClient second) throws Exception {
    first.request("findChat", "f@example.com", true);
    second.request("findChat", "s@example.com", true);
    first.next("chatStart");
    second.next("chatStart");
    return new ChatClient[] {first, second};
  }
}
