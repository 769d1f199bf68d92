package com.meetmates.signaling.node;

import static org.awaitility.Awaitility.await;

import com.hazelcast.core.HazelcastInstance;
import com.meetmates.signaling.cluster.ClusterNode;
import com.meetmates.signaling.cluster.HazelcastChatState;
import com.meetmates.signaling.cluster.TestClusters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Real signaling nodes on one real Hazelcast cluster, each on a random HTTP port.
 *
 * <p>As a static {@code @RegisterExtension} field ({@link #forClass}) the nodes serve the whole test class, and
 * after every test the clients it connected through {@link #client()} are closed and the shared state must be
 * empty again: each test also checks that it left nothing behind. {@link #start} gives nodes for one test.
 */
final class NodeFixture implements AutoCloseable, BeforeAllCallback, AfterEachCallback, AfterAllCallback {

  private final int nodeCount;
  private final Map<String, String> settings;
  private final List<ClusterNode> members = new ArrayList<>();
  private final List<SignalingNode> nodes = new ArrayList<>();
  private final Set<Integer> gone = new HashSet<>();
  private final List<ChatClient> clients = new ArrayList<>();

  private NodeFixture(int nodeCount, Map<String, String> settings) {
    this.nodeCount = nodeCount;
    this.settings = settings;
  }

  static NodeFixture forClass(int nodeCount) {
    return forClass(nodeCount, Map.of());
  }

  static NodeFixture forClass(int nodeCount, Map<String, String> settings) {
    return new NodeFixture(nodeCount, settings);
  }

  static NodeFixture start(int nodeCount) throws Exception {
    return start(nodeCount, Map.of());
  }

  static NodeFixture start(int nodeCount, Map<String, String> settings) throws Exception {
    NodeFixture fixture = new NodeFixture(nodeCount, settings);
    fixture.startNodes();
    return fixture;
  }

  private void startNodes() throws Exception {
    members.addAll(TestClusters.start(nodeCount));
    Map<String, String> config = new HashMap<>(Map.of(NodeConfig.PORT, "0", NodeConfig.HOST, "127.0.0.1"));
    config.putAll(settings);
    for (ClusterNode member : members) {
      nodes.add(TestClusters.await(SignalingNode.start(NodeConfig.of(config), member)));
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    startNodes();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    clients.forEach(ChatClient::close);
    clients.clear();
    awaitEmptyState();
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    close();
  }

  /** A connected client, closed after the test; consecutive clients go to the nodes in turn. */
  ChatClient client() throws Exception {
    return closedAfterTest(ChatClient.connect(url(clients.size() % nodes.size())));
  }

  /** Closes the client after the test, before the check that nothing is left. */
  ChatClient closedAfterTest(ChatClient client) {
    clients.add(client);
    return client;
  }

  String url(int node) {
    return "http://127.0.0.1:" + nodes.get(node).port();
  }

  String url() {
    return url(0);
  }

  int size() {
    return nodes.size();
  }

  SignalingNode node(int index) {
    return nodes.get(index);
  }

  HazelcastInstance hazelcast(int index) {
    return members.get(index).hazelcast();
  }

  /** The shared state, seen from the first node still running. */
  HazelcastChatState state() {
    for (int i = 0; i < nodes.size(); i++) {
      if (!gone.contains(i)) {
        return nodes.get(i).state();
      }
    }
    throw new IllegalStateException("no node left");
  }

  /** Kills a node as a crash would: its Hazelcast member vanishes without leaving, then its process stops. */
  void kill(int index) throws Exception {
    gone.add(index);
    members.get(index).hazelcast().getLifecycleService().terminate();
    members.get(index).vertx().close();
  }

  /** Stops a node gracefully, as on SIGTERM: sockets closed, sessions settled, then it leaves the cluster. */
  void stop(int index) throws Exception {
    gone.add(index);
    TestClusters.await(nodes.get(index).close());
    TestClusters.await(members.get(index).close());
  }

  /** Waits until the shared state holds no session, no pair and nobody waiting. */
  void awaitEmptyState() {
    await().atMost(Duration.ofSeconds(30))
        .until(() -> state().sizes(), sizes -> sizes.equals(new HazelcastChatState.Sizes(0, 0, 0)));
  }

  @Override
  public void close() throws Exception {
    for (int i = 0; i < nodes.size(); i++) {
      if (!gone.contains(i)) {
        TestClusters.await(nodes.get(i).close());
      }
    }
    for (int i = 0; i < members.size(); i++) {
      if (!gone.contains(i)) {
        TestClusters.await(members.get(i).close());
      }
    }
  }
}
