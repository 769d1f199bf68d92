package com.meetmates.signaling.node.observability;

import com.hazelcast.core.HazelcastInstance;
import com.meetmates.signaling.chat.ChatCounters;
import com.meetmates.signaling.chat.ChatObserver;
import com.meetmates.signaling.chat.ChatService;
import com.meetmates.signaling.chat.ChatState;
import com.meetmates.signaling.cluster.HazelcastChatState;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.metrics.MetricsOptions;
import io.vertx.core.spi.VertxMetricsFactory;
import io.vertx.ext.web.RoutingContext;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.PrometheusScrapingHandler;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import java.util.function.ToLongFunction;

/**
 * One node's figures for {@code /metrics} (Prometheus text format): the chat's counters and latencies, the
 * Hazelcast calls the chat makes, the shared state's sizes, cluster membership, the JVM, and, when the
 * node's Vert.x was built with {@link #vertxFactory()}, Vert.x's own (event bus, HTTP server, pools).
 *
 * <p>Each node has its own registry, so that several nodes in one JVM (tests) never mix their figures.
 */
public final class NodeMetrics implements AutoCloseable {

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  /** Vert.x keeps its registries by name, JVM-wide: a shared name would hand every node the first one's. */
  private final String vertxRegistryName = "meetmates-" + UUID.randomUUID();
  private final JvmGcMetrics gc = new JvmGcMetrics();
  private final ChatMeters chatMeters = new ChatMeters(registry);
  private SharedStateSampler sampler;

  private NodeMetrics() {
    new ClassLoaderMetrics().bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  public static NodeMetrics create() {
    return new NodeMetrics();
  }

  /** The metrics options to put in the node's VertxOptions, together with {@link #vertxFactory()}. */
  public MetricsOptions vertxOptions() {
    return new MicrometerMetricsOptions().setEnabled(true).setRegistryName(vertxRegistryName);
  }

  public VertxMetricsFactory vertxFactory() {
    return new MicrometerMetricsFactory(registry);
  }

  /** The chat's shared state, every call to it counted by operation. */
  public ChatState counted(ChatState state) {
    return new CountingChatState(state, registry);
  }

  /** Receives the chat's match and relay latencies. */
  public ChatObserver chatObserver() {
    return chatMeters;
  }

  /**
   * Binds the figures of a running node: its chat, its cluster member and its readiness; and starts reading
   * the shared state's sizes every {@code stateIntervalMs}.
   */
  public void watch(Vertx vertx, ChatService chat, HazelcastInstance hazelcast,
      Callable<HazelcastChatState.Sizes> sharedStateSizes, long stateIntervalMs, BooleanSupplier ready) {
    Gauge.builder("signaling.sessions.local", chat, ChatService::localSessions)
        .description("Sockets connected to this node").register(registry);
    Gauge.builder("signaling.online.users", chat, ChatService::onlineUsers)
        .description("Connected users in the whole cluster, as this node tells its clients").register(registry);
    Gauge.builder("signaling.cluster.members", hazelcast,
            member -> member.getLifecycleService().isRunning() ? member.getCluster().getMembers().size() : 0)
        .description("Members of the Hazelcast cluster as this node sees it").register(registry);
    Gauge.builder("signaling.ready", ready, isReady -> isReady.getAsBoolean() ? 1 : 0)
        .description("1 while this node takes new sessions (cluster joined, not draining)")
        .strongReference(true)
        .register(registry);
    bindCounters(chat.counters());
    sampler = new SharedStateSampler(vertx, sharedStateSizes, registry);
    sampler.start(stateIntervalMs);
  }

  private void bindCounters(ChatCounters counters) {
    counter("signaling.pairs.started", "Pairs made by this node", counters, ChatCounters::pairsStarted);
    for (RelayType type : RelayType.values()) {
      FunctionCounter.builder("signaling.relayed.messages", counters, c -> c.relayed(type.event))
          .description("Events from partners handed to this node's sockets, by type")
          .tag("type", type.label)
          .register(registry);
    }
    rejected(counters, "invalid", ChatCounters::rejectedEvents);
    rejected(counters, "rate_limited", ChatCounters::rateLimitedEvents);
    rejected(counters, "unknown_event", ChatCounters::unknownEvents);
    counter("signaling.abuse.disconnects", "Sockets disconnected for staying above the rate limit", counters,
        ChatCounters::abuseDisconnects);
    counter("signaling.stale.deliveries", "Deliveries dropped because their pair or socket was gone", counters,
        ChatCounters::staleDeliveries);
  }

  private void rejected(ChatCounters counters, String reason, ToLongFunction<ChatCounters> count) {
    FunctionCounter.builder("signaling.rejected.events", counters, c -> count.applyAsLong(c))
        .description("Client events refused before they had any effect, by reason")
        .tag("reason", reason)
        .register(registry);
  }

  private void counter(String name, String description, ChatCounters counters, ToLongFunction<ChatCounters> count) {
    FunctionCounter.builder(name, counters, c -> count.applyAsLong(c)).description(description).register(registry);
  }

  /** Serves the figures in the Prometheus text format. */
  public Handler<RoutingContext> scrapeHandler() {
    return PrometheusScrapingHandler.create(registry);
  }

  public MeterRegistry registry() {
    return registry;
  }

  /** Stops reading the shared state (before the node leaves the cluster). */
  public void stopSampling() {
    if (sampler != null) {
      sampler.stop();
    }
  }

  @Override
  public void close() {
    stopSampling();
    gc.close();
  }
}
