package com.meetmates.signaling.node.observability;

import com.meetmates.signaling.cluster.HazelcastChatState;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the cluster-wide sizes of the shared state (sessions, pairs, waiting users) every interval on a worker
 * thread: counting a Hazelcast map is a cluster call, which neither a scrape on the event loop nor the chat's
 * hot path may wait for. The gauges show the last reading (NaN before the first one).
 */
final class SharedStateSampler {

  private static final Logger LOG = LoggerFactory.getLogger(SharedStateSampler.class);

  private final Vertx vertx;
  private final Callable<HazelcastChatState.Sizes> read;
  private volatile HazelcastChatState.Sizes last;
  private volatile boolean reading;
  private long timer = -1;

  SharedStateSampler(Vertx vertx, Callable<HazelcastChatState.Sizes> read, MeterRegistry registry) {
    this.vertx = vertx;
    this.read = read;
    gauge(registry, "signaling.cluster.sessions",
        "Users of the whole cluster that asked for a chat since they connected (shared state)",
        HazelcastChatState.Sizes::sessions);
    gauge(registry, "signaling.cluster.pairs", "Active pairs in the whole cluster (shared state)",
        HazelcastChatState.Sizes::pairs);
    gauge(registry, "signaling.cluster.waiting", "Users waiting for a partner in the whole cluster (queue length)",
        HazelcastChatState.Sizes::waiting);
  }

  private void gauge(MeterRegistry registry, String name, String description,
      ToDoubleFunction<HazelcastChatState.Sizes> figure) {
    Gauge.builder(name, this, sampler -> sampler.last == null ? Double.NaN : figure.applyAsDouble(sampler.last))
        .description(description)
        .register(registry);
  }

  void start(long intervalMs) {
    timer = vertx.setPeriodic(0, intervalMs, tick -> sample());
  }

  void stop() {
    vertx.cancelTimer(timer);
  }

  private void sample() {
    if (reading) {
      return;
    }
    reading = true;
    vertx.executeBlocking(read, false).onComplete(sizes -> {
      reading = false;
      if (sizes.succeeded()) {
        last = sizes.result();
      } else {
        LOG.debug("shared state sizes unavailable: {}", sizes.cause().toString());
      }
    });
  }
}
