package com.meetmates.signaling.node;

import static org.awaitility.Awaitility.await;

import com.meetmates.signaling.cluster.ClusterNode;
import com.meetmates.signaling.cluster.HazelcastChatState;
import com.meetmates.signaling.cluster.TestClusters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Real signaling nodes on one real Hazelcast cluster, each on a random HTTP port. */
final class NodeFixture implements AutoCloseable {

  private final List<ClusterNode> members;
  private final List<SignalingNode> nodes = new ArrayList<>();

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

  HazelcastChatState state() {
    return nodes.get(0).state();
  }

  /** Waits until the shared state holds no session, no pair and nobody waiting. */
  void awaitEmptyState() {
    await().atMost(Duration.ofSeconds(30))
        .until(() -> state().sizes(), sizes -> sizes.equals(new HazelcastChatState.Sizes(0, 0, 0)));
  }

  @Override
  public void close() throws Exception {
    for (SignalingNode node : nodes) {
      TestClusters.await(node.close());
    }
    for (ClusterNode member : members) {
      TestClusters.await(member.close());
    }
  }
}
