package com.meetmates.signaling.engineio;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;

/**
 * One Engine.IO session, whatever its transport (polling, websocket, or an upgrade between them).
 *
 * <p>Every method may be called from any thread; handlers are always invoked on the session's own
 * Vert.x context, one at a time, in the order the messages arrived.
 */
public interface EngineIoSocket {

  /** The Engine.IO session id ({@code sid}). */
  String id();

  /** {@code "polling"} or {@code "websocket"}: the transport in use right now. */
  String transport();

  /** What the client sent when it opened the session: headers, query, remote address. */
  Handshake handshake();

  /** Queues a text message; each message is delivered as its own packet (and own WebSocket frame). */
  void send(String text);

  /** Queues a binary message; the buffer must not be changed afterwards. */
  void send(Buffer binary);

  /** Called for every text message from the client. */
  EngineIoSocket textHandler(Handler<String> handler);

  /** Called for every binary message from the client. */
  EngineIoSocket binaryHandler(Handler<Buffer> handler);

  /**
   * Called once when the session ends, with the reason: one of the {@link CloseReason} constants
   * ("transport close", "transport error", "parse error", "ping timeout", "forced close", "slow consumer").
   */
  EngineIoSocket closeHandler(Handler<String> handler);

  /** Closes the session from the server side, after flushing what is already queued. */
  void close();

  boolean isOpen();
}
