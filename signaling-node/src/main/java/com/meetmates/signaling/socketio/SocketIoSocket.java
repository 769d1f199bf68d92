package com.meetmates.signaling.socketio;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import java.time.Duration;
import java.util.Map;

/**
 * One client's membership of one namespace. Handlers run on the socket's Vert.x context, one at a
 * time, in the order the packets arrived; emitting and disconnecting are safe from any thread.
 */
public interface SocketIoSocket {

  /** The Socket.IO socket id (the {@code sid} of the CONNECT reply), distinct from the Engine.IO session id. */
  String id();

  Namespace namespace();

  SocketHandshake handshake();

  /** {@code "polling"} or {@code "websocket"}: the transport in use right now. */
  String transport();

  /** True from the CONNECT reply until the disconnect handlers run. */
  boolean connected();

  /** Free storage for the application (thread-safe); gone with the socket. */
  Map<String, Object> attributes();

  /** Sets the handler of that event, replacing any earlier one. */
  SocketIoSocket on(String event, EventHandler handler);

  /**
   * Sets the handler of that event taking its arguments as text (see {@link RawEventHandler}), replacing any
   * earlier one; it takes precedence over {@link #on}. A binary event (one with attachments) has no text form: it
   * goes to the {@link #on} handler, or the unhandled-event handler, as usual.
   */
  SocketIoSocket onRaw(String event, RawEventHandler handler);

  /** Sets the handler of every event that has no handler of its own (e.g. to count unknown events). */
  SocketIoSocket onUnhandledEvent(UnhandledEventHandler handler);

  /** Adds a handler called once, with the reason (see {@link DisconnectReason}), when the socket is disconnected. */
  SocketIoSocket onDisconnect(Handler<String> handler);

  /**
   * Sends an event; arguments are JsonObject, JsonArray, Map, List, String, Number, Boolean, null,
   * {@link com.meetmates.signaling.json.JsonText} (written as it is), or Buffer/byte[] for binary (a Buffer must not be changed once emitted). Dropped if the socket
   * is not connected. Encoded on the calling thread, sent from the socket's context.
   *
   * @throws IllegalArgumentException for a reserved event name or an argument with no JSON form
   */
  void emit(String event, Object... args);

  /** Sends an event encoded earlier for this socket's namespace. */
  void emit(EncodedEvent event);

  /** Sends an event and waits for the client's acknowledgement, at most {@link SocketIoOptions#ackTimeoutMs()}. */
  Future<JsonArray> emitWithAck(String event, Object... args);

  /**
   * Sends an event and waits for the client's acknowledgement: the future completes with its
   * arguments, or fails with {@link AckTimeoutException} or {@link SocketDisconnectedException}.
   */
  Future<JsonArray> emitWithAck(Duration timeout, String event, Object... args);

  /** Leaves the namespace: the client gets DISCONNECT (it will not reconnect by itself); the connection stays. */
  void disconnect();

  /** As {@link #disconnect()}; with {@code closeConnection} every socket of the connection leaves and the connection is closed. */
  void disconnect(boolean closeConnection);
}
