package com.meetmates.signaling.e2e;

import static com.meetmates.signaling.e2e.ClusterMembers.LOOPBACK;
import static com.meetmates.signaling.e2e.ClusterMembers.join;

import com.meetmates.signaling.cluster.ClusterNode;
import com.meetmates.signaling.node.NodeConfig;
import com.meetmates.signaling.node.SignalingNode;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * One signaling node that can stop serving and come back at the same address, as a restarted node behind a
 * fixed address does: it first takes a random free port, then comes back on that one.
 */
final class RestartableNode implements AutoCloseable {

  private final ClusterNode member;
  private final int port;
  private SignalingNode node;

  private RestartableNode(ClusterNode member, SignalingNode node) {
    this.member = member;
    this.node = node;
    this.port = node.port();
  }

  static RestartableNode start() throws Exception {
    ClusterNode member = ClusterMembers.start(1).get(0);
    return new RestartableNode(member, join(SignalingNode.start(NodeConfig.of(TwoNodeCluster.NODE_SETTINGS), member)));
  }

  URI url() {
    return URI.create("http://" + LOOPBACK + ":" + port + "/");
  }

  /** Shuts the node down as on SIGTERM: its sockets are closed and its sessions settled. */
  void stopServing() throws Exception {
    join(node.close());
    node = null;
  }

  void serveAgain() throws Exception {
    Map<String, String> settings = new HashMap<>(TwoNodeCluster.NODE_SETTINGS);
    settings.put(NodeConfig.PORT, String.valueOf(port));
    node = join(SignalingNode.start(NodeConfig.of(settings), member));
  }

  @Override
  public void close() throws Exception {
    if (node != null) {
      stopServing();
    }
    join(member.close());
  }
}
