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
  private final Map<String, String> settings;
  private final int port;
  private SignalingNode node;

  private RestartableNode(ClusterNode member, Map<String, String> settings, SignalingNode node) {
    this.member = member;
    this.settings = settings;
    this.node = node;
    this.port = node.port();
  }

  static RestartableNode start() throws Exception {
    return start(Map.of());
  }

  /** A node configured like the cluster's nodes, with some settings replaced. */
  static RestartableNode start(Map<String, String> overrides) throws Exception {
    Map<String, String> settings = new HashMap<>(TwoNodeCluster.NODE_SETTINGS);
    settings.putAll(overrides);
    ClusterNode member = ClusterMembers.start(1).get(0);
    try {
      return new RestartableNode(member, settings, join(SignalingNode.start(NodeConfig.of(settings), member)));
    } catch (Exception e) {
      join(member.close());
      throw e;
    }
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
    Map<String, String> samePort = new HashMap<>(settings);
    samePort.put(NodeConfig.PORT, String.valueOf(port));
    node = join(SignalingNode.start(NodeConfig.of(samePort), member));
  }

  @Override
  public void close() throws Exception {
    if (node != null) {
      stopServing();
    }
    join(member.close());
  }
}
