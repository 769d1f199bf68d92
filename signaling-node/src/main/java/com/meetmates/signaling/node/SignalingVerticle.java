package com.meetmates.signaling.node;

import com.meetmates.signaling.chat.ChatService;
import com.meetmates.signaling.socketio.SocketIoOptions;
import com.meetmates.signaling.socketio.SocketIoServer;
import com.meetmates.signaling.node.drain.HandshakeGate;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The HTTP face of a node: Socket.IO at /socket.io/, /health, /ready, /metrics, /ice-servers and the web client
 * at /. While the node is not ready, new Socket.IO sessions are refused.
 * Holds nothing but its sockets; the chat state lives in the cluster.
 */
final class SignalingVerticle extends VerticleBase {

  private static final String WEBROOT = "webroot";
  /** Told to a client connecting while the node drains; it reconnects, through the balancer, elsewhere. */
  static final String NOT_READY = "server shutting down";
  /** Grace for idle HTTP connections once the sockets are closed (Vert.x would wait 30 s for each by default). */
  private static final long HTTP_SHUTDOWN_GRACE_MS = 1000;

  private final NodeConfig config;
  private final ChatService chat;
  private final String nodeId;
  private final BooleanSupplier ready;
  private final Handler<RoutingContext> metrics;
  private SocketIoServer io;
  private HttpServer server;

  SignalingVerticle(NodeConfig config, ChatService chat, String nodeId, BooleanSupplier ready,
      Handler<RoutingContext> metrics) {
    this.config = config;
    this.chat = chat;
    this.nodeId = nodeId;
    this.ready = ready;
    this.metrics = metrics;
  }

  @Override
  public Future<?> start() {
    io = SocketIoServer.create(vertx, new SocketIoOptions().engineIo(config.engineIo()));
    io.namespace("/").use((socket, next) -> {
      if (ready.getAsBoolean()) {
        next.proceed();
      } else {
        next.refuse(NOT_READY);
      }
    });
    JwtHandshakeAuth.from(vertx, config).ifPresent(auth -> io.namespace("/").use(auth));
    SocketIoChatBinding.bind(io.namespace("/"), chat, nodeId);

    Router router = Router.router(vertx);
    router.route(config.engineIo().path()).handler(new HandshakeGate(ready));
    io.mount(router);
    router.get("/health").handler(ctx -> ctx.json(new JsonObject().put("status", "UP")));
    router.get("/ready").handler(ctx -> {
      boolean isReady = ready.getAsBoolean();
      ctx.response().setStatusCode(isReady ? 200 : 503);
      ctx.json(new JsonObject().put("ready", isReady));
    });
    JsonObject iceServers = new JsonObject().put("iceServers", config.iceServers());
    router.get("/ice-servers").handler(ctx -> ctx.json(iceServers));
    router.get("/metrics").handler(metrics);
    router.route("/*").handler(StaticHandler.create(WEBROOT));

    return vertx.createHttpServer(config.engineIo().applyTo(new HttpServerOptions())).requestHandler(router).listen(config.port(), config.host())
        .onSuccess(listening -> server = listening);
  }

  /** Closes every socket (clients reconnect elsewhere); their sessions end through the disconnect handlers. */
  Future<Void> closeSockets() {
    return io.close();
  }

  int actualPort() {
    return server.actualPort();
  }

  @Override
  public Future<?> stop() {
    return server == null ? Future.succeededFuture()
        : server.shutdown(HTTP_SHUTDOWN_GRACE_MS, TimeUnit.MILLISECONDS);
  }
}
