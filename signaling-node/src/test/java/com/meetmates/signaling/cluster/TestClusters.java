package com.meetmates.signaling.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import io.vertx.core.Future;
import io.vertx.core.VertxOptions;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hazelcast members for tests: TCP/IP join on 127.0.0.1 only, a unique cluster name per cluster, member ports
 * from this area's range (43700-43799), never multicast.
 */
public final class TestClusters {

  /** Another area's range for a parallel run on the same machine: -Dmeetmates.test.hazelcastPortBase=47700. */
  private static final int FIRST_PORT = Integer.getInteger("meetmates.test.hazelcastPortBase", 43700);
  private static final int PORTS = 100;
  private static final AtomicInteger NEXT_PORT = new AtomicInteger();
  private static final long START_TIMEOUT_SECONDS = 60;
  private static final int START_ATTEMPTS = 5;

  private TestClusters() {
  }

  /** Configurations for one cluster of {@code members} members that only know each other. */
  public static List<Config> configs(int members) {
    String clusterName = "test-" + UUID.randomUUID();
    List<Integer> ports = new ArrayList<>();
    for (int i = 0; i < members; i++) {
      ports.add(freePort());
    }
    List<Config> configs = new ArrayList<>();
    for (int port : ports) {
      Config config = new Config().setClusterName(clusterName);
      NetworkConfig network = config.getNetworkConfig().setPort(port).setPortAutoIncrement(false).setReuseAddress(true);
      network.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
      JoinConfig join = network.getJoin();
      join.getMulticastConfig().setEnabled(false);
      join.getAutoDetectionConfig().setEnabled(false);
      join.getTcpIpConfig().setEnabled(members > 1);
      ports.forEach(member -> join.getTcpIpConfig().addMember("127.0.0.1:" + member));
      config.setProperty("hazelcast.socket.bind.any", "false");
      config.setProperty("hazelcast.wait.seconds.before.join", "0");
      config.setProperty("hazelcast.max.join.seconds", "10");
      config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
      config.setProperty("hazelcast.max.no.heartbeat.seconds", "5");
      configs.add(HazelcastConfigs.prepare(config));
    }
    return configs;
  }

  /**
   * The next port of the range that can be bound now: the range lies among the ephemeral ports, so a client
   * connection of an earlier test may hold one.
   */
  public static int freePort() {
    for (int attempt = 0; attempt < PORTS; attempt++) {
      int port = FIRST_PORT + NEXT_PORT.getAndIncrement() % PORTS;
      try (ServerSocket probe = new ServerSocket()) {
        probe.setReuseAddress(true);
        probe.bind(new InetSocketAddress("127.0.0.1", port));
        return port;
      } catch (IOException taken) {
        continue;
      }
    }
    throw new IllegalStateException("no free port in " + FIRST_PORT + "-" + (FIRST_PORT + PORTS - 1));
  }

  /**
   * Starts the members of one cluster, one after the other, each a clustered Vert.x on loopback. A port of the
   * range taken meanwhile by someone's outgoing connection makes a member fail to bind: then the cluster is
   * started again on other ports.
   */
  public static List<ClusterNode> start(int members) throws Exception {
    for (int attempt = 1; ; attempt++) {
      List<ClusterNode> nodes = new ArrayList<>();
      try {
        for (Config config : configs(members)) {
          VertxOptions options = new VertxOptions();
          options.getEventBusOptions().setHost("127.0.0.1");
          nodes.add(await(ClusterNode.start(options, config)));
        }
        return nodes;
      } catch (ExecutionException failure) {
        for (ClusterNode started : nodes) {
          await(started.close());
        }
        if (attempt == START_ATTEMPTS) {
          throw failure;
        }
      }
    }
  }

  public static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }
}
