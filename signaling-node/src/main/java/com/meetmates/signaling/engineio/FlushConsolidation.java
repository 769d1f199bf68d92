package com.meetmates.signaling.engineio;

import io.netty.channel.ChannelPipeline;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.net.impl.ConnectionBase;

/**
 * Lets the WebSocket frames written to one connection during one turn of its event loop leave in one system
 * call. Vert.x flushes every frame written outside that connection's own read, and a relay writes to the
 * partner's connection while reading the sender's: without this, every relayed packet costs a write(2) of its
 * own, half of the server's CPU time under load. Netty's {@link FlushConsolidationHandler} turns those flushes
 * into one at the end of the event-loop turn (or after {@link #MAX_DEFERRED_FLUSHES}), so a frame waits for
 * microseconds at most.
 */
final class FlushConsolidation {

  /** Flushes held back at most before one goes through anyway: bounds what a long burst keeps buffered. */
  static final int MAX_DEFERRED_FLUSHES = 64;
  private static final String HANDLER_NAME = "meetmates-flush-consolidation";

  private FlushConsolidation() {
  }

  /**
   * Installs the consolidation on the connection's channel; a connection that does not expose its channel (not
   * a Vert.x TCP connection) keeps one flush per frame.
   */
  static void install(HttpConnection connection) {
    if (!(connection instanceof ConnectionBase base)) {
      return;
    }
    ChannelPipeline pipeline = base.channel().pipeline();
    if (pipeline.get(HANDLER_NAME) == null) {
      pipeline.addFirst(HANDLER_NAME, new FlushConsolidationHandler(MAX_DEFERRED_FLUSHES, true));
    }
  }
}
