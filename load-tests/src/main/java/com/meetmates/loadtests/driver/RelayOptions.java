package com.meetmates.loadtests.driver;

import java.time.Duration;
import java.util.List;

/**
 * One relay run.
 *
 * @param targets base URLs (http://host:port); several to place pair members on different nodes
 * @param ratePerSecond offered relayed messages per second over all pairs; 0 saturates instead,
 *     keeping {@code window} messages in flight per sender
 * @param localAddresses source addresses for the client sockets, used round-robin
 * @param driverThreads event loops the driver spreads its pairs over
 * @param serverPids processes whose CPU time is measured over the recording window
 * @param countHazelcast whether to count the Hazelcast operations of the server processes (JVMs
 *     running Hazelcast only)
 * @param hazelcastPublishLag how long to wait for Hazelcast to publish its metrics before each
 *     reading: a little more than the nodes' metrics collection frequency (5 s by default)
 */
public record RelayOptions(
    List<String> targets,
    Protocol protocol,
    Placement placement,
    int pairs,
    int ratePerSecond,
    int window,
    Duration warmup,
    Duration duration,
    List<String> localAddresses,
    int driverThreads,
    List<Long> serverPids,
    boolean countHazelcast,
    Duration hazelcastPublishLag) {

  public static final int DEFAULT_WINDOW = 8;
  public static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(5);
  public static final Duration STEP_TIMEOUT = Duration.ofSeconds(10);

  public RelayOptions {
    if (targets.isEmpty()) {
      throw new IllegalArgumentException("at least one target URL");
    }
    if (pairs < 1) {
      throw new IllegalArgumentException("at least one pair");
    }
    if (ratePerSecond == 0 && window < 1) {
      throw new IllegalArgumentException("a saturating run needs a window of at least 1");
    }
    if (countHazelcast && serverPids.isEmpty()) {
      throw new IllegalArgumentException("counting Hazelcast operations needs the server pids");
    }
    targets = List.copyOf(targets);
    localAddresses = List.copyOf(localAddresses);
    serverPids = List.copyOf(serverPids);
  }

  public boolean saturating() {
    return ratePerSecond == 0;
  }
}
