package com.meetmates.signaling.node;

import com.hazelcast.config.Config;
import com.meetmates.signaling.chat.ChatService;
import com.meetmates.signaling.chat.ChatState;
import com.meetmates.signaling.cluster.ClusterNode;
import com.meetmates.signaling.cluster.EventBusRouter;
import com.meetmates.signaling.cluster.HazelcastChatState;
import com.meetmates.signaling.cluster.HazelcastConfigs;
import com.meetmates.signaling.cluster.LostMemberWatcher;
import com.meetmates.signaling.node.observability.NodeMetrics;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VertxOptions;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One running node: its cluster member, the chat, and the HTTP verticle. */
public final class SignalingNode {

  private static final long DRAIN_POLL_MS = 50;
  /** Closing a connection that never joined a namespace can wait for the transport's own timeouts. */
  private static final long SOCKETS_CLOSE_TIMEOUT_MS = 3000;
  /** Bound on the final sweep of the shared state for this node's sessions. */
  private static final long LEFTOVERS_TIMEOUT_MS = 3000;
  /** Leaving the cluster gracefully migrates partitions first; the cluster configurations bound that to 20 s. */
  private static final long CLUSTER_LEAVE_MS = 20_000;
  private static final String LOOPBACK = "127.0.0.1";
  private static final Logger LOG = LoggerFactory.getLogger(SignalingNode.class);

  private final ClusterNode cluster;
  private final boolean ownsCluster;
  private final HazelcastChatState state;
  private final ChatState countedState;
  private final NodeConfig config;
  private final NodeMetrics metrics;
  private final ChatService chat;
  private final EventBusRouter router;
  /** Threads that carry on after Hazelcast answers; the work is short (decode, hand to a socket's mailbox). */
  private static final int HAZELCAST_CONTINUATION_THREADS = 2;
  /** {@link #publishedSockets} before the first publication or after a failed one: the next tick publishes. */
  private static final int NOT_PUBLISHED = -1;

  private final ExecutorService blocking;
  private final ExecutorService continuations;
  private final SignalingVerticle verticle;
  private final UUID lostMemberWatch;
  private volatile boolean draining;
  private long onlineTimer;
  /** The socket count this node last published for the online count; only the online-count tick writes it. */
  private volatile int publishedSockets = NOT_PUBLISHED;
  private Future<Void> stopped;

  private SignalingNode(ClusterNode cluster, boolean ownsCluster, NodeConfig config, EventBusRouter router,
      ExecutorService blocking, ExecutorService continuations, NodeMetrics metrics) {
    this.cluster = cluster;
    this.ownsCluster = ownsCluster;
    this.config = config;
    this.router = router;
    this.blocking = blocking;
    this.continuations = continuations;
    this.metrics = metrics;
    this.state = new HazelcastChatState(cluster.hazelcast(), HazelcastChatState.DEFAULT_PREFIX, blocking,
        continuations);
    this.countedState = metrics.counted(state);
    this.chat = new ChatService(countedState, router, config.chat(), metrics.chatObserver());
    router.onDelivery(chat::deliver);
    this.lostMemberWatch = LostMemberWatcher.watch(cluster.hazelcast(), this::onLostNode);
    this.verticle = new SignalingVerticle(config, chat, cluster.nodeId(), this::isReady, metrics.scrapeHandler());
  }

  /** Starts a node on its own cluster member: embedded single member, or the CLUSTER_CONFIG file. */
  public static Future<SignalingNode> start(NodeConfig config) {
    Config hazelcast = config.clusterConfig().map(HazelcastConfigs::fromFile).orElseGet(HazelcastConfigs::embedded);
    NodeMetrics metrics = NodeMetrics.create();
    VertxOptions options = new VertxOptions().setMetricsOptions(metrics.vertxOptions())
        .setEventLoopPoolSize(config.eventLoops())
        .setPreferNativeTransport(true);
    config.clusterHost().or(() -> config.clusterConfig().isEmpty() ? java.util.Optional.of(LOOPBACK)
        : java.util.Optional.empty()).ifPresent(host -> options.getEventBusOptions().setHost(host));
    return ClusterNode.start(options, hazelcast, metrics.vertxFactory())
        .compose(cluster -> start(config, cluster, true, metrics));
  }

  /** Starts a node on a cluster member started by the caller, who also stops it. */
  public static Future<SignalingNode> start(NodeConfig config, ClusterNode cluster) {
    return start(config, cluster, false, NodeMetrics.create());
  }

  private static Future<SignalingNode> start(NodeConfig config, ClusterNode cluster, boolean ownsCluster,
      NodeMetrics metrics) {
    ExecutorService blocking = Executors.newSingleThreadExecutor(daemonThreads("meetmates-cluster-queries"));
    ExecutorService continuations = Executors.newFixedThreadPool(HAZELCAST_CONTINUATION_THREADS,
        daemonThreads("meetmates-hazelcast-continuations"));
    return EventBusRouter.start(cluster.vertx(), cluster.nodeId())
        .compose(router -> {
          SignalingNode node = new SignalingNode(cluster, ownsCluster, config, router, blocking, continuations, metrics);
          return cluster.vertx().deployVerticle(node.verticle).map(id -> {
            metrics.watch(cluster.vertx(), node.chat, cluster.hazelcast(), node.state::sizes,
                config.metricsStateIntervalMs(), node::isReady);
            node.onlineTimer = cluster.vertx().setPeriodic(config.onlineUsersIntervalMs(), tick -> node.publishOnlineCount());
            LOG.info("node {} listening on port {} ({} transport)", cluster.nodeId(), node.port(),
                cluster.vertx().isNativeTransportEnabled() ? "native" : "NIO");
            return node;
          });
        });
  }

  public int port() {
    return verticle.actualPort();
  }

  public String nodeId() {
    return cluster.nodeId();
  }

  public ChatService chat() {
    return chat;
  }

  public HazelcastChatState state() {
    return state;
  }

  /** The longest {@link #drain()} can take, leaving the cluster included: how long a stop request may wait. */
  public long drainBoundMs() {
    return config.drainTimeoutMs() + CLUSTER_LEAVE_MS;
  }

  public boolean isReady() {
    return !draining && cluster.hazelcast().getLifecycleService().isRunning();
  }

  /**
   * The graceful stop of SIGTERM: readiness turns false and new sessions are refused at once, this node's
   * waiting users leave the queue (nobody is matched with a user about to go), and after DRAIN_DELAY_MS, time
   * for the load balancer to see /ready fail, the node stops as {@link #close()} does. Completes once it has
   * left; a second call returns the same stop.
   */
  public synchronized Future<Void> drain() {
    if (stopped != null) {
      return stopped;
    }
    draining = true;
    long deadline = System.currentTimeMillis() + config.drainTimeoutMs();
    long delayMs = config.drainDelayMs();
    LOG.info("node {} draining: not ready, new sessions refused; its {} sockets close in {} ms", nodeId(),
        chat.localSessions(), delayMs);
    Future<Void> queueLeft = Future.fromCompletionStage(countedState.purgeQueue(nodeId()))
        .recover(failure -> {
          LOG.warn("node {}: could not take its users out of the queue: {}", nodeId(), failure.toString());
          return Future.succeededFuture();
        });
    Promise<Void> delayed = Promise.promise();
    if (delayMs == 0) {
      delayed.complete();
    } else {
      cluster.vertx().setTimer(delayMs, tick -> delayed.complete());
    }
    stopped = Future.all(queueLeft, delayed.future()).compose(waited -> stop(deadline));
    return stopped;
  }

  /**
   * Stops at once: refuses new sessions, closes the sockets so their clients reconnect elsewhere, waits until
   * their pairs are settled in the shared state, removes whatever of its sessions is still there, then leaves
   * (the cluster too, if this node started it). A second call returns the same stop.
   */
  public synchronized Future<Void> close() {
    if (stopped == null) {
      draining = true;
      stopped = stop(System.currentTimeMillis() + config.drainTimeoutMs());
    }
    return stopped;
  }

  /** Everything up to leaving the cluster is over by {@code deadline}; the last sweep has its own share. */
  private Future<Void> stop(long deadline) {
    cluster.vertx().cancelTimer(onlineTimer);
    metrics.stopSampling();
    cluster.hazelcast().getCluster().removeMembershipListener(lostMemberWatch);
    long settledBy = deadline - LEFTOVERS_TIMEOUT_MS;
    long closeBoundMs = Math.max(1, Math.min(SOCKETS_CLOSE_TIMEOUT_MS, settledBy - System.currentTimeMillis()));
    return verticle.closeSockets()
        .timeout(closeBoundMs, TimeUnit.MILLISECONDS)
        .recover(slow -> {
          LOG.warn("node {}: sockets not all closed within {} ms, going on", nodeId(), closeBoundMs);
          return Future.succeededFuture();
        })
        .compose(closed -> awaitSessionsSettled(settledBy))
        .compose(settled -> removeLeftovers())
        .compose(clean -> cluster.vertx().undeploy(verticle.deploymentID()))
        .compose(undeployed -> router.stop())
        .compose(routerStopped -> ownsCluster ? cluster.close() : Future.succeededFuture())
        .onComplete(done -> {
          blocking.shutdown();
          continuations.shutdown();
          metrics.close();
          LOG.info("node {} stopped", nodeId());
        });
  }

  /**
   * The node's socket count leaves the online count. Sessions of this node that the shared state still holds
   * after the drain (a close that failed or timed out) are ended as a lost node's would be: partners told,
   * entries removed. Normally there are none.
   */
  private Future<Void> removeLeftovers() {
    CompletionStage<Void> removed = countedState.forgetSockets(nodeId())
        .thenCompose(forgotten -> countedState.sessionsOn(nodeId())).thenCompose(leftovers -> {
      if (leftovers.isEmpty()) {
        return CompletableFuture.<Void>completedFuture(null);
      }
      LOG.warn("node {}: {} sessions still in the shared state after the drain; removing them", nodeId(),
          leftovers.size());
      return chat.cleanUpLostNode(nodeId());
    });
    return Future.fromCompletionStage(removed)
        .timeout(LEFTOVERS_TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .recover(failure -> {
          LOG.warn("node {}: removing its sessions from the shared state failed: {}", nodeId(), failure.toString());
          return Future.succeededFuture();
        });
  }

  private Future<Void> awaitSessionsSettled(long deadline) {
    Promise<Void> settled = Promise.promise();
    checkSettled(deadline, settled);
    return settled.future();
  }

  private void checkSettled(long deadline, Promise<Void> settled) {
    if (chat.localSessions() == 0 || System.currentTimeMillis() > deadline) {
      if (chat.localSessions() > 0) {
        LOG.warn("node {}: {} sessions not settled before the drain timeout", nodeId(), chat.localSessions());
      }
      settled.complete();
      return;
    }
    cluster.vertx().setTimer(DRAIN_POLL_MS, tick -> checkSettled(deadline, settled));
  }

  private void onLostNode(String lostNodeId) {
    if (draining) {
      return;
    }
    chat.cleanUpLostNode(lostNodeId).whenComplete((done, failure) -> {
      if (failure != null) {
        LOG.warn("node {}: clean-up after losing node {} failed", nodeId(), lostNodeId, failure);
      }
    });
  }

  /**
   * Publishes this node's socket count when it changed since the last tick (one write per node per tick, not per
   * socket), then reads the cluster-wide sum and lets the chat tell its sockets.
   */
  private void publishOnlineCount() {
    int sockets = chat.localSessions();
    CompletionStage<Void> published = CompletableFuture.completedFuture(null);
    if (sockets != publishedSockets) {
      publishedSockets = sockets;
      published = countedState.publishSockets(nodeId(), sockets).whenComplete((done, failure) -> {
        if (failure != null) {
          publishedSockets = NOT_PUBLISHED;
        }
      });
    }
    published.thenCompose(done -> countedState.onlineCount()).whenComplete((count, failure) -> {
      if (failure != null) {
        LOG.warn("node {}: online count unavailable", nodeId(), failure);
      } else {
        chat.observeOnlineCount(count);
      }
    });
  }

  private static ThreadFactory daemonThreads(String name) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
