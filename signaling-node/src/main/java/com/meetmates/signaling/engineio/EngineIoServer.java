package com.meetmates.signaling.engineio;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;

/**
 * An Engine.IO v4 server: mounted on a Vert.x Web router at {@link EngineIoOptions#path()},
 * it hands every new session to the connection handler. Knows nothing of what the messages mean.
 *
 * <p>One instance may be mounted on the routers of several verticle instances (event loops): each
 * session stays bound to the context that opened it. Create the HttpServer with
 * {@link EngineIoOptions#applyTo} so that WebSocket compression is as configured and the server
 * runs in strict thread mode (every HTTP answer written on its connection's event loop, which saves a
 * Vert.x queue of about 4.7 KB per HTTP connection; the other routes of that server must answer the same way).
 */
public interface EngineIoServer {

  static EngineIoServer create(Vertx vertx, EngineIoOptions options) {
    return new DefaultEngineIoServer(vertx, options);
  }

  /** Adds the routes for both transports under the configured path (e.g. "/engine.io/"). */
  EngineIoServer mount(Router router);

  /**
   * The same server without Vert.x Web: requests for the configured path are answered here, every
   * other request goes to {@code otherRequests}. Chain two servers to share one HttpServer, e.g.
   * {@code engineIo.requestHandler(socketIo.requestHandler(req -> req.response().setStatusCode(404).end()))}.
   */
  Handler<HttpServerRequest> requestHandler(Handler<HttpServerRequest> otherRequests);

  EngineIoServer connectionHandler(Handler<EngineIoSocket> handler);

  /** Number of open sessions on this server. */
  int clientsCount();

  /** Closes every session (clients see a close and may reconnect elsewhere). */
  Future<Void> close();
}
