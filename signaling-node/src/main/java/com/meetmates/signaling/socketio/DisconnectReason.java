package com.meetmates.signaling.socketio;

import com.meetmates.signaling.engineio.CloseReason;

/**
 * The reasons a socket's disconnect handler receives, as named by the Node.js reference server.
 * When the Engine.IO session ends, its own reason ({@link CloseReason}) is passed on.
 */
public final class DisconnectReason {

  /** The client left the namespace (its {@code socket.disconnect()}). */
  public static final String CLIENT_NAMESPACE_DISCONNECT = "client namespace disconnect";
  /** The server called {@link SocketIoSocket#disconnect()}. */
  public static final String SERVER_NAMESPACE_DISCONNECT = "server namespace disconnect";
  /** {@link SocketIoServer#close()} was called. */
  public static final String SERVER_SHUTTING_DOWN = "server shutting down";
  /** The client sent a packet that breaks the protocol; its connection was closed. */
  public static final String PARSE_ERROR = CloseReason.PARSE_ERROR;
  /** The client closed the connection or it was lost. */
  public static final String TRANSPORT_CLOSE = CloseReason.TRANSPORT_CLOSE;
  /** The connection failed (dropped or duplicate poll, oversized payload, Engine.IO violation). */
  public static final String TRANSPORT_ERROR = CloseReason.TRANSPORT_ERROR;
  /** The client stopped answering the heartbeat. */
  public static final String PING_TIMEOUT = CloseReason.PING_TIMEOUT;
  /** The Engine.IO session was closed by the server (e.g. no namespace joined in time). */
  public static final String FORCED_CLOSE = CloseReason.FORCED_CLOSE;
  /** The client did not read fast enough: its outbound buffer passed the configured bound. */
  public static final String SLOW_CONSUMER = CloseReason.SLOW_CONSUMER;

  private DisconnectReason() {
  }
}
