package com.meetmates.signaling.node;

import com.meetmates.signaling.node.drain.DrainOnShutdown;
import com.meetmates.signaling.node.observability.LogContext;
import com.meetmates.signaling.node.observability.LogSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts one signaling node, configured by the environment (see {@link NodeConfig}); SIGTERM drains it. */
public final class Main {

  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private Main() {
  }

  public static void main(String[] args) {
    NodeConfig config = NodeConfig.load(System.getenv());
    LogSetup.use(config.logFormat());
    SignalingNode.start(config).onComplete(started -> {
      if (started.failed()) {
        LOG.error("node failed to start", started.cause());
        System.exit(1);
      }
      SignalingNode node = started.result();
      LogContext.nodeOfThisProcess(node.nodeId());
      DrainOnShutdown.install(node::drain, node.drainBoundMs());
    });
  }
}
