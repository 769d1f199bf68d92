package com.meetmates.signaling.e2e;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.meetmates.signaling.cluster.ClusterNode;
import com.meetmates.signaling.cluster.HazelcastConfigs;
import io.vertx.core.Future;
import io.vertx.core.VertxOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Real Hazelcast members under clustered Vert.x for the browser tests: a private cluster name each time,
 * TCP/IP join on loopback only, never multicast, member ports from this area's range (46100-46199).
 */
final class ClusterMembers {

  static final String LOOPBACK = "127.0.0.1";
  private static final int FIRST_MEMBER_PORT = 46100;
  /**
   * A member takes the first free port of the range: the kernel also hands these ports out as the source
   * ports of outgoing connections (browsers, drivers), so any single fixed port may be busy for a moment.
   */
  private static final int MEMBER_PORTS = 100;
  private static final long TIMEOUT_SECONDS = 60;

  private ClusterMembers() {
  }

  /** Starts the members of one new cluster, one after the other, each joining through those before it. */
  static List<ClusterNode> start(int count) throws Exception {
    String clusterName = "e2e-" + UUID.randomUUID();
    List<ClusterNode> members = new ArrayList<>();
    try {
      for (int i = 0; i < count; i++) {
        VertxOptions options = new VertxOptions();
        options.getEventBusOptions().setHost(LOOPBACK);
        members.add(join(ClusterNode.start(options, config(clusterName, members))));
      }
      return members;
    } catch (Exception e) {
      for (ClusterNode member : members) {
        join(member.close());
      }
      throw e;
    }
  }

  static <T> T join(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }

  private static Config config(String clusterName, List<ClusterNode> running) {
    Config config = new Config().setClusterName(clusterName);
    NetworkConfig network = config.getNetworkConfig()
        .setPort(FIRST_MEMBER_PORT)
        .setPortAutoIncrement(true)
        .setPortCount(MEMBER_PORTS)
        .setReuseAddress(true);
    network.getInterfaces().setEnabled(true).addInterface(LOOPBACK);
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true);
    for (ClusterNode member : running) {
      int port = member.hazelcast().getCluster().getLocalMember().getAddress().getPort();
      join.getTcpIpConfig().addMember(LOOPBACK + ":" + port);
    }
    config.setProperty("hazelcast.wait.seconds.before.join", "0");
    return HazelcastConfigs.prepare(config);
  }
}
