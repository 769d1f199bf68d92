package com.meetmates.signaling.node.observability;

import com.meetmates.signaling.chat.ChatObserver;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** The chat's latencies as Prometheus histograms; every timer is made up front so a relay allocates nothing. */
final class ChatMeters implements ChatObserver {

  static final String MATCH_LATENCY = "signaling.match.latency";
  static final String RELAY_LATENCY = "signaling.relay.latency";

  /** From a request for a partner to chatStart: dominated by how long users wait for each other. */
  private static final Duration[] MATCH_BUCKETS = durations(TimeUnit.MILLISECONDS,
      10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10_000, 30_000, 60_000, 300_000);
  /** From a relay reaching the partner's node to its hand-off to the socket: sub-millisecond when healthy. */
  private static final Duration[] RELAY_BUCKETS = durations(TimeUnit.MICROSECONDS,
      50, 100, 250, 500, 1000, 2500, 5000, 10_000, 25_000, 50_000, 100_000, 250_000, 1_000_000);

  private final Timer match;
  private final Timer[] relays = new Timer[RelayType.values().length];

  ChatMeters(MeterRegistry registry) {
    this.match = Timer.builder(MATCH_LATENCY)
        .description("From findChat (or next, or a partner's next) to chatStart")
        .serviceLevelObjectives(MATCH_BUCKETS)
        .register(registry);
    for (RelayType type : RelayType.values()) {
      relays[type.ordinal()] = Timer.builder(RELAY_LATENCY)
          .description("From a partner's event reaching the receiving node to its hand-off to the socket")
          .tag("type", type.label)
          .serviceLevelObjectives(RELAY_BUCKETS)
          .register(registry);
    }
  }

  @Override
  public void matched(long waitedNanos) {
    match.record(waitedNanos, TimeUnit.NANOSECONDS);
  }

  @Override
  public void relayed(String event, long handOffNanos) {
    relays[RelayType.of(event).ordinal()].record(handOffNanos, TimeUnit.NANOSECONDS);
  }

  private static Duration[] durations(TimeUnit unit, long... values) {
    Duration[] durations = new Duration[values.length];
    for (int i = 0; i < values.length; i++) {
      durations[i] = Duration.ofNanos(unit.toNanos(values[i]));
    }
    return durations;
  }
}
