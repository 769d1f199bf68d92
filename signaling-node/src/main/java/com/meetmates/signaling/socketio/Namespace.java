package com.meetmates.signaling.socketio;

import io.vertx.core.Handler;
import java.util.Collection;

/** A Socket.IO namespace ("/" is the main one): its middleware, its connection handlers and its sockets. */
public interface Namespace {

  String name();

  /**
   * Adds a connection middleware, run in the order added before a socket is connected; each must
   * call {@link ConnectionMiddleware.Next#proceed()} or refuse the connection.
   */
  Namespace use(ConnectionMiddleware middleware);

  /** Called on the socket's context for each socket that connected (after every middleware let it pass). */
  Namespace onConnection(Handler<SocketIoSocket> handler);

  /** The connected socket of this namespace on this server with that id, or null. */
  SocketIoSocket socket(String id);

  /** The sockets connected to this namespace on this server (a live, unmodifiable view). */
  Collection<SocketIoSocket> sockets();

  /** Number of sockets connected to this namespace on this server. */
  int size();

  /** Encodes an event for this namespace once, to send it to many sockets with {@link SocketIoSocket#emit(EncodedEvent)}. */
  EncodedEvent encode(String event, Object... args);

  /** Sends an event to every socket connected to this namespace on this server, encoded once. */
  void emit(String event, Object... args);
}
