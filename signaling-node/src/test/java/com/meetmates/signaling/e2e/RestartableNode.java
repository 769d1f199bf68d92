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
 * fixed address does. The fixed HTTP port is unavoidable here (the page must find the node again) and comes
 * from this area's range.
 */
final class RestartableNode implements AutoCloseable {

  private static final int HTTP_PORT = 46010;

  private final ClusterNode member;
  private final NodeConfig config;
  private SignalingNode node;

  private RestartableNode(ClusterNode member) {
    this.member = member;
    Map<String, String> settings = new HashMap<>(TwoNodeCluster.NODE_SETTINGS);
    settings.put(NodeConfig.PORT, String.valueOf(HTTP_PORT));
    this.config = NodeConfig.of(settings);
  }

  static RestartableNode start() throws Exception {
    RestartableNode restartable = new RestartableNode(ClusterMembers.start(1).get(0));
    restartable.serveAgain();
    return restartable;
  }

  URI url() {
    return URI.create("http://" + LOOPBACK + ":" + HTTP_PORT + "/");
  }

  /** Shuts the node down as on SIGTERM: its sockets are closed and its sessions settled. */
  void stopServing() throws Exception {
    join(node.close());
    node = null;
  }

  void serveAgain() throws Exception {
    node = join(SignalingNode.start(config, member));
  }

  @Override
  public void close() throws Exception {
    if (node != null) {
      stopServing();
    }
    join(member.close());
  }
}
