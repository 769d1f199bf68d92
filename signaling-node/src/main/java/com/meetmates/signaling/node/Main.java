package com.meetmates.signaling.node;

import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts one signaling node, configured by the environment (see {@link NodeConfig}). */
public final class Main {

  private static final Logger LOG = LoggerFactory.getLogger(Main.class);
  private static final long SHUTDOWN_TIMEOUT_MS = SignalingNode.DRAIN_TIMEOUT_MS + 20_000;

  private Main() {
  }

  public static void main(String[] args) {
    NodeConfig config = NodeConfig.load(System.getenv());
    SignalingNode.start(config).onComplete(started -> {
      if (started.failed()) {
        LOG.error("node failed to start", started.cause());
        System.exit(1);
      }
      SignalingNode node = started.result();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(node), "meetmates-shutdown"));
    });
  }

  private static void stop(SignalingNode node) {
    try {
      node.close().toCompletionStage().toCompletableFuture().get(SHUTDOWN_TIMEOUT_MS, TimeUnit.MILLISECONDS);
      LOG.info("node {} stopped", node.nodeId());
    } catch (Exception e) {
      LOG.warn("node {} did not stop cleanly", node.nodeId(), e);
    }
  }
}
