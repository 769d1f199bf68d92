package com.meetmates.signaling.node;

import com.meetmates.signaling.chat.ChatService;
import com.meetmates.signaling.socketio.SocketIoOptions;
import com.meetmates.signaling.socketio.SocketIoServer;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The HTTP face of a node: Socket.IO at /socket.io/, /health, /ready, /ice-servers and the web client at /.
 * Holds nothing but its sockets; the chat state lives in the cluster.
 */
final class SignalingVerticle extends VerticleBase {

  private static final String WEBROOT = "webroot";
  /** Grace for idle HTTP connections once the sockets are closed (Vert.x would wait 30 s for each by default). */
  private static final long HTTP_SHUTDOWN_GRACE_MS = 1000;

  private final NodeConfig config;
  private final ChatService chat;
  private final BooleanSupplier ready;
  private SocketIoServer io;
  private HttpServer server;

  SignalingVerticle(NodeConfig config, ChatService chat, BooleanSupplier ready) {
    this.config = config;
    this.chat = chat;
    this.ready = ready;
  }

  @Override
  public Future<?> start() {
    io = SocketIoServer.create(vertx, new SocketIoOptions().engineIo(config.engineIo()));
    JwtHandshakeAuth.from(vertx, config).ifPresent(auth -> io.namespace("/").use(auth));
    SocketIoChatBinding.bind(io.namespace("/"), chat);

    Router router = Router.router(vertx);
    io.mount(router);
    router.get("/health").handler(ctx -> ctx.json(new JsonObject().put("status", "UP")));
    router.get("/ready").handler(ctx -> {
      boolean isReady = ready.getAsBoolean();
      ctx.response().setStatusCode(isReady ? 200 : 503);
      ctx.json(new JsonObject().put("ready", isReady));
    });
    JsonObject iceServers = new JsonObject().put("iceServers", config.iceServers());
    router.get("/ice-servers").handler(ctx -> ctx.json(iceServers));
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
