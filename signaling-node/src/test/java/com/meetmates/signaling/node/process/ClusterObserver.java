package com.meetmates.signaling.node.process;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.config.ListenerConfig;
import com.hazelcast.core.HazelcastInstance;
import com.meetmates.signaling.cluster.ChatStateContents;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Looks at a cluster of node processes from the test JVM as a Hazelcast CLIENT: it sees the member list and
 * reads the chat maps, but holds no partition and is no member, so it changes nothing of what is tested.
 */
final class ClusterObserver implements AutoCloseable {

  private static final long CONNECT_TIMEOUT_MS = 30_000;
  private static final long HEARTBEAT_INTERVAL_MS = 1000;
  private static final String LOOPBACK = "127.0.0.1";

  private final Departures departures = new Departures();
  private final HazelcastInstance client;

  private ClusterObserver(String clusterName, List<Integer> memberPorts) {
    this.client = HazelcastClient.newHazelcastClient(config(clusterName, memberPorts, departures));
  }

  static ClusterObserver connect(String clusterName, List<Integer> memberPorts) {
    return new ClusterObserver(clusterName, memberPorts);
  }

  private static ClientConfig config(String clusterName, List<Integer> memberPorts, Departures departures) {
    ClientConfig config = new ClientConfig().setClusterName(clusterName);
    config.addListenerConfig(new ListenerConfig(departures));
    config.setProperty("hazelcast.logging.type", "slf4j");
    // The client gives up on a silent member as fast as the members do (its default is 60 s): a frozen member
    // would otherwise hold the test's reads of the maps for a minute after the cluster has moved on.
    config.setProperty("hazelcast.client.heartbeat.interval", String.valueOf(HEARTBEAT_INTERVAL_MS));
    config.setProperty("hazelcast.client.heartbeat.timeout",
        String.valueOf(TimeUnit.SECONDS.toMillis(ClusterConfigFiles.failureDetectionSeconds())));
    config.getNetworkConfig().setAddresses(memberPorts.stream().map(port -> LOOPBACK + ":" + port).toList());
    config.getConnectionStrategyConfig().getConnectionRetryConfig().setClusterConnectTimeoutMillis(CONNECT_TIMEOUT_MS);
    return ChatStateContents.registerSerialization(config);
  }

  /** The members, oldest (the one that coordinates the cluster) first. */
  List<Member> members() {
    return List.copyOf(client.getCluster().getMembers());
  }

  /** When this client heard that the member left the cluster ({@link System#nanoTime()}), if it has. */
  Optional<Long> departureOf(UUID member) {
    return Optional.ofNullable(departures.at.get(member));
  }

  /** What the chat maps hold now. Blocking. */
  ChatStateContents contents() {
    return ChatStateContents.read(client);
  }

  @Override
  public void close() {
    client.shutdown();
  }

  /** Registered with the client's configuration, so that it hears of every departure from the start. */
  private static final class Departures implements MembershipListener {

    private final Map<UUID, Long> at = new ConcurrentHashMap<>();

    @Override
    public void memberAdded(MembershipEvent event) {
    }

    @Override
    public void memberRemoved(MembershipEvent event) {
      at.put(event.getMember().getUuid(), System.nanoTime());
    }
  }
}
