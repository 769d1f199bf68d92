package com.meetmates.signaling.node;

import com.hazelcast.config.Config;
import com.meetmates.signaling.chat.ChatService;
import com.meetmates.signaling.cluster.ClusterNode;
import com.meetmates.signaling.cluster.EventBusRouter;
import com.meetmates.signaling.cluster.HazelcastChatState;
import com.meetmates.signaling.cluster.HazelcastConfigs;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VertxOptions;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One running node: its cluster member, the chat, and the HTTP verticle. */
public final class SignalingNode {

  /** How long a stopping node waits for its sessions to be settled in the shared state. */
  static final long DRAIN_TIMEOUT_MS = 10_000;
  private static final long DRAIN_POLL_MS = 50;
  /** Closing a connection that never joined a namespace can wait for the transport's own timeouts. */
  private static final long SOCKETS_CLOSE_TIMEOUT_MS = 3000;
  private static final String LOOPBACK = "127.0.0.1";
  private static final Logger LOG = LoggerFactory.getLogger(SignalingNode.class);

  private final ClusterNode cluster;
  private final boolean ownsCluster;
  private final HazelcastChatState state;
  private final ChatService chat;
  private final EventBusRouter router;
  private final ExecutorService blocking;
  private final SignalingVerticle verticle;
  private volatile boolean draining;
  private long onlineTimer;

  private SignalingNode(ClusterNode cluster, boolean ownsCluster, NodeConfig config, EventBusRouter router,
      ExecutorService blocking) {
    this.cluster = cluster;
    this.ownsCluster = ownsCluster;
    this.router = router;
    this.blocking = blocking;
    this.state = new HazelcastChatState(cluster.hazelcast(), HazelcastChatState.DEFAULT_PREFIX, blocking);
    this.chat = new ChatService(state, router, config.chat());
    router.onDelivery(chat::deliver);
    this.verticle = new SignalingVerticle(config, chat, this::isReady);
  }

  /** Starts a node on its own cluster member: embedded single member, or the CLUSTER_CONFIG file. */
  public static Future<SignalingNode> start(NodeConfig config) {
    Config hazelcast = config.clusterConfig().map(HazelcastConfigs::fromFile).orElseGet(HazelcastConfigs::embedded);
    VertxOptions options = new VertxOptions();
    config.clusterHost().or(() -> config.clusterConfig().isEmpty() ? java.util.Optional.of(LOOPBACK)
        : java.util.Optional.empty()).ifPresent(host -> options.getEventBusOptions().setHost(host));
    return ClusterNode.start(options, hazelcast).compose(cluster -> start(config, cluster, true));
  }

  /** Starts a node on a cluster member started by the caller, who also stops it. */
  public static Future<SignalingNode> start(NodeConfig config, ClusterNode cluster) {
    return start(config, cluster, false);
  }

  private static Future<SignalingNode> start(NodeConfig config, ClusterNode cluster, boolean ownsCluster) {
    ExecutorService blocking = Executors.newSingleThreadExecutor(runnable -> {
      Thread thread = new Thread(runnable, "meetmates-cluster-queries");
      thread.setDaemon(true);
      return thread;
    });
    return EventBusRouter.start(cluster.vertx(), cluster.nodeId())
        .compose(router -> {
          SignalingNode node = new SignalingNode(cluster, ownsCluster, config, router, blocking);
          return cluster.vertx().deployVerticle(node.verticle).map(id -> {
            node.onlineTimer = cluster.vertx().setPeriodic(config.onlineUsersIntervalMs(), tick -> node.publishOnlineCount());
            LOG.info("node {} listening on port {}", cluster.nodeId(), node.port());
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

  public boolean isReady() {
    return !draining && cluster.hazelcast().getLifecycleService().isRunning();
  }

  /**
   * Stops taking sessions, closes the sockets so their clients reconnect elsewhere, waits until their pairs
   * are settled in the shared state, then leaves (the cluster too, if this node started it).
   */
  public Future<Void> close() {
    draining = true;
    cluster.vertx().cancelTimer(onlineTimer);
    return verticle.closeSockets()
        .timeout(SOCKETS_CLOSE_TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .recover(slow -> {
          LOG.warn("node {}: sockets not all closed within {} ms, going on", nodeId(), SOCKETS_CLOSE_TIMEOUT_MS);
          return Future.succeededFuture();
        })
        .compose(closed -> awaitSessionsSettled(System.currentTimeMillis() + DRAIN_TIMEOUT_MS))
        .compose(settled -> cluster.vertx().undeploy(verticle.deploymentID()))
        .compose(undeployed -> router.stop())
        .compose(stopped -> ownsCluster ? cluster.close() : Future.succeededFuture())
        .onComplete(done -> blocking.shutdown());
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

  private void publishOnlineCount() {
    state.onlineCount().whenComplete((count, failure) -> {
      if (failure != null) {
        LOG.warn("node {}: online count unavailable", nodeId(), failure);
      } else {
        chat.observeOnlineCount(count);
      }
    });
  }
}
