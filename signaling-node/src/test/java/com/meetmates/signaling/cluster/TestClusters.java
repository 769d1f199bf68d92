package com.meetmates.signaling.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import io.vertx.core.Future;
import io.vertx.core.VertxOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hazelcast members for tests: TCP/IP join on 127.0.0.1 only, a unique cluster name per cluster, member ports
 * from this area's range (43700-43799), never multicast.
 */
public final class TestClusters {

  private static final int FIRST_PORT = 43700;
  private static final int PORTS = 100;
  private static final AtomicInteger NEXT_PORT = new AtomicInteger();
  private static final long START_TIMEOUT_SECONDS = 60;

  private TestClusters() {
  }

  /** Configurations for one cluster of {@code members} members that only know each other. */
  public static List<Config> configs(int members) {
    String clusterName = "test-" + UUID.randomUUID();
    List<Integer> ports = new ArrayList<>();
    for (int i = 0; i < members; i++) {
      ports.add(FIRST_PORT + NEXT_PORT.getAndIncrement() % PORTS);
    }
    List<Config> configs = new ArrayList<>();
    for (int port : ports) {
      Config config = new Config().setClusterName(clusterName);
      NetworkConfig network = config.getNetworkConfig().setPort(port).setPortAutoIncrement(false);
      network.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
      JoinConfig join = network.getJoin();
      join.getMulticastConfig().setEnabled(false);
      join.getAutoDetectionConfig().setEnabled(false);
      join.getTcpIpConfig().setEnabled(members > 1);
      ports.forEach(member -> join.getTcpIpConfig().addMember("127.0.0.1:" + member));
      config.setProperty("hazelcast.wait.seconds.before.join", "0");
      config.setProperty("hazelcast.max.join.seconds", "10");
      configs.add(HazelcastConfigs.prepare(config));
    }
    return configs;
  }

  /** Starts the members of one cluster, one after the other, each a clustered Vert.x on loopback. */
  public static List<ClusterNode> start(int members) throws Exception {
    List<ClusterNode> nodes = new ArrayList<>();
    for (Config config : configs(members)) {
      VertxOptions options = new VertxOptions();
      options.getEventBusOptions().setHost("127.0.0.1");
      nodes.add(await(ClusterNode.start(options, config)));
    }
    return nodes;
  }

  public static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }
}
