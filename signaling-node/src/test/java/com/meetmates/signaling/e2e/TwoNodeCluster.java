package com.meetmates.signaling.e2e;

import static com.meetmates.signaling.e2e.ClusterMembers.LOOPBACK;
import static com.meetmates.signaling.e2e.ClusterMembers.join;
import static org.awaitility.Awaitility.await;

import com.meetmates.signaling.cluster.ClusterNode;
import com.meetmates.signaling.cluster.HazelcastChatState;
import com.meetmates.signaling.node.NodeConfig;
import com.meetmates.signaling.node.SignalingNode;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Two real signaling nodes on two members of one Hazelcast cluster, each serving the demo page on a random port. */
final class TwoNodeCluster implements AutoCloseable {

  /** Offline browsers need no STUN server: loopback host candidates connect them. */
  static final Map<String, String> NODE_SETTINGS = Map.of(
      NodeConfig.PORT, "0",
      NodeConfig.HOST, LOOPBACK,
      NodeConfig.ICE_SERVERS, "[]");
  private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(30);

  private final List<ClusterNode> members;
  private final List<SignalingNode> nodes = new ArrayList<>();

  private TwoNodeCluster(List<ClusterNode> members) {
    this.members = members;
  }

  static TwoNodeCluster start() throws Exception {
    TwoNodeCluster cluster = new TwoNodeCluster(ClusterMembers.start(2));
    try {
      for (ClusterNode member : cluster.members) {
        cluster.nodes.add(join(SignalingNode.start(NodeConfig.of(NODE_SETTINGS), member)));
      }
      return cluster;
    } catch (Exception e) {
      cluster.close();
      throw e;
    }
  }

  URI nodeA() {
    return url(nodes.get(0));
  }

  URI nodeB() {
    return url(nodes.get(1));
  }

  /** Waits until the shared state holds no session, no pair and nobody waiting: every page is forgotten. */
  void awaitNobodyLeft() {
    HazelcastChatState state = nodes.get(0).state();
    HazelcastChatState.Sizes empty = new HazelcastChatState.Sizes(0, 0, 0);
    await("the cluster to forget every closed page").atMost(SETTLE_TIMEOUT).until(state::sizes, empty::equals);
  }

  @Override
  public void close() throws Exception {
    for (SignalingNode node : nodes) {
      join(node.close());
    }
    for (ClusterNode member : members) {
      join(member.close());
    }
  }

  private static URI url(SignalingNode node) {
    return URI.create("http://" + LOOPBACK + ":" + node.port() + "/");
  }
}
