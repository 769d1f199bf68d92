package com.meetmates.signaling.socketio;

/**
 * The reasons a socket's disconnect handler receives, as named by the Node.js reference server.
 * When the Engine.IO session ends, its own reason (e.g. "transport close", "ping timeout") is passed on.
 */
public final class DisconnectReason {

  /** The client left the namespace (its {@code socket.disconnect()}). */
  public static final String CLIENT_NAMESPACE_DISCONNECT = "client namespace disconnect";
  /** The server called {@link SocketIoSocket#disconnect()}. */
  public static final String SERVER_NAMESPACE_DISCONNECT = "server namespace disconnect";
  /** The client sent a packet that breaks the protocol; its connection was closed. */
  public static final String PARSE_ERROR = "parse error";
  /** {@link SocketIoServer#close()} was called. */
  public static final String SERVER_SHUTTING_DOWN = "server shutting down";
  /** The client closed the connection or it was lost. */
  public static final String TRANSPORT_CLOSE = "transport close";
  /** The client stopped answering the heartbeat. */
  public static final String PING_TIMEOUT = "ping timeout";

  private DisconnectReason() {
  }
}
