package com.meetmates.signaling.engineio;

import io.netty.channel.ChannelPipeline;
import io.netty.handler.flush.FlushConsolidationHandler;

/**
 * Lets the WebSocket frames written to one connection during one turn of its event loop leave in one system
 * call. A relay writes to the partner's connection while reading the sender's, and each packet queued to a
 * session flushes its transport: without this, every relayed packet costs a write(2) of its own, half of the
 * server's CPU time under load. Netty's {@link FlushConsolidationHandler} turns those flushes into one at the end
 * of the event-loop turn (or after {@link #MAX_DEFERRED_FLUSHES}), so a frame waits for microseconds at most.
 */
final class FlushConsolidation {

  /** Flushes held back at most before one goes through anyway: bounds what a long burst keeps buffered. */
  static final int MAX_DEFERRED_FLUSHES = 64;
  private static final String HANDLER_NAME = "meetmates-flush-consolidation";

  private FlushConsolidation() {
  }

  /** Installs the consolidation at the head of a WebSocket's pipeline, once. */
  static void install(ChannelPipeline pipeline) {
    if (pipeline.get(HANDLER_NAME) == null) {
      pipeline.addFirst(HANDLER_NAME, new FlushConsolidationHandler(MAX_DEFERRED_FLUSHES, true));
    }
  }
}
