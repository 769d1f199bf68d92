package com.meetmates.signaling.socketio;

import com.meetmates.signaling.engineio.EngineIoServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;

/**
 * A Socket.IO v5 server on top of an Engine.IO server: namespaces, sockets, events, acks and
 * binary attachments. Knows nothing of what the application does with them.
 *
 * <pre>{@code
 * SocketIoServer io = SocketIoServer.create(vertx, new SocketIoOptions());
 * io.namespace("/").onConnection(socket -> socket.on("ping", (args, ack) -> ack.send("pong")));
 * io.mount(router);
 * }</pre>
 */
public interface SocketIoServer {

  /** A server with its own Engine.IO server, configured by {@link SocketIoOptions#engineIo()} (path "/socket.io/"). */
  static SocketIoServer create(Vertx vertx, SocketIoOptions options) {
    return create(vertx, EngineIoServer.create(vertx, options.engineIo()), options);
  }

  /** A server on an existing Engine.IO server (whose path and transport settings then apply), with default options. */
  static SocketIoServer create(Vertx vertx, EngineIoServer engine) {
    return create(vertx, engine, new SocketIoOptions());
  }

  /**
   * A server on an existing Engine.IO server; it takes over the Engine.IO connection handler.
   * The {@link SocketIoOptions#engineIo()} part of the options is not used.
   */
  static SocketIoServer create(Vertx vertx, EngineIoServer engine, SocketIoOptions options) {
    return new DefaultSocketIoServer(vertx, engine, options);
  }

  /** The namespace of that name, created if needed; a name without leading '/' gets one. */
  Namespace namespace(String name);

  /** Adds the Engine.IO routes (both transports) under the Engine.IO path. */
  SocketIoServer mount(Router router);

  EngineIoServer engine();

  /**
   * Ends every socket with reason {@value DisconnectReason#SERVER_SHUTTING_DOWN} and closes the
   * Engine.IO sessions, so that clients reconnect (elsewhere, behind a load balancer).
   */
  Future<Void> close();
}
