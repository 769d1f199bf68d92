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
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real Hazelcast members under clustered Vert.x for the browser tests: one private cluster name each time,
 * TCP/IP join on loopback only, member ports from this area's range (46100-46199), never multicast.
 */
final class ClusterMembers {

  static final String LOOPBACK = "127.0.0.1";
  private static final int FIRST_MEMBER_PORT = 46100;
  private static final int MEMBER_PORTS = 100;
  private static final AtomicInteger NEXT_MEMBER_PORT = new AtomicInteger();
  private static final long TIMEOUT_SECONDS = 60;

  private ClusterMembers() {
  }

  /** Starts the members of one new cluster, one after the other. */
  static List<ClusterNode> start(int count) throws Exception {
    List<ClusterNode> members = new ArrayList<>();
    try {
      for (Config config : configs(count)) {
        VertxOptions options = new VertxOptions();
        options.getEventBusOptions().setHost(LOOPBACK);
        members.add(join(ClusterNode.start(options, config)));
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

  private static List<Config> configs(int count) {
    String clusterName = "e2e-" + UUID.randomUUID();
    List<Integer> ports = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ports.add(FIRST_MEMBER_PORT + NEXT_MEMBER_PORT.getAndIncrement() % MEMBER_PORTS);
    }
    List<Config> configs = new ArrayList<>();
    for (int port : ports) {
      Config config = new Config().setClusterName(clusterName);
      NetworkConfig network = config.getNetworkConfig().setPort(port).setPortAutoIncrement(false);
      network.getInterfaces().setEnabled(true).addInterface(LOOPBACK);
      JoinConfig join = network.getJoin();
      join.getMulticastConfig().setEnabled(false);
      join.getAutoDetectionConfig().setEnabled(false);
      join.getTcpIpConfig().setEnabled(count > 1);
      ports.forEach(member -> join.getTcpIpConfig().addMember(LOOPBACK + ":" + member));
      config.setProperty("hazelcast.wait.seconds.before.join", "0");
      configs.add(HazelcastConfigs.prepare(config));
    }
    return configs;
  }
}
