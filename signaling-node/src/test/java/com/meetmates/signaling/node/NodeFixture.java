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

/** Real signaling nodes on one real Hazelcast cluster, each on a random HTTP port. */
final class NodeFixture implements AutoCloseable {

  private final List<ClusterNode> members;
  private final List<SignalingNode> nodes = new ArrayList<>();
  private final Set<Integer> gone = new HashSet<>();

  private NodeFixture(List<ClusterNode> members) {
    this.members = members;
  }

  static NodeFixture start(int nodeCount) throws Exception {
    return start(nodeCount, Map.of());
  }

  static NodeFixture start(int nodeCount, Map<String, String> settings) throws Exception {
    NodeFixture fixture = new NodeFixture(TestClusters.start(nodeCount));
    Map<String, String> config = new HashMap<>(Map.of(NodeConfig.PORT, "0", NodeConfig.HOST, "127.0.0.1"));
    config.putAll(settings);
    for (ClusterNode member : fixture.members) {
      fixture.nodes.add(TestClusters.await(SignalingNode.start(NodeConfig.of(config), member)));
    }
    return fixture;
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
