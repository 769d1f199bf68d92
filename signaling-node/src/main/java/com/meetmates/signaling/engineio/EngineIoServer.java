package com.meetmates.signaling.engineio;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;

/**
 * An Engine.IO v4 server: mounted on a Vert.x Web router at {@link EngineIoOptions#path()},
 * it hands every new session to the connection handler. Knows nothing of what the messages mean.
 */
public interface EngineIoServer {

  static EngineIoServer create(Vertx vertx, EngineIoOptions options) {
    throw new UnsupportedOperationException("implemented by the engineio issue");
  }

  /** Adds the routes for both transports under the configured path (e.g. "/engine.io/"). */
  EngineIoServer mount(Router router);

  EngineIoServer connectionHandler(Handler<EngineIoSocket> handler);

  /** Number of open sessions on this server. */
  int clientsCount();

  /** Closes every session (clients see a close and may reconnect elsewhere). */
  Future<Void> close();
}
