package com.meetmates.signaling.socketio;

import com.meetmates.signaling.engineio.EngineIoOptions;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.util.concurrent.TimeUnit;

/** A real Socket.IO server running {@link TestApp} on a random free port. */
final class SocketIoTestServer implements AutoCloseable {

  private static final long START_STOP_TIMEOUT_SECONDS = 30;
  private static final long CLOSE_TIMEOUT_MS = 1_000;

  final TestApp app;
  private final Vertx vertx;
  private final SocketIoServer io;
  private final HttpServer http;

  private SocketIoTestServer(Vertx vertx, SocketIoServer io, HttpServer http, TestApp app) {
    this.vertx = vertx;
    this.io = io;
    this.http = http;
    this.app = app;
  }

  /** A server with the default heartbeat. */
  static SocketIoTestServer start() throws Exception {
    return start(transportOptions());
  }

  /** A server with a short heartbeat, for ping timeout tests. */
  static SocketIoTestServer startWithHeartbeat(long pingIntervalMs, long pingTimeoutMs) throws Exception {
    return start(transportOptions().pingIntervalMs(pingIntervalMs).pingTimeoutMs(pingTimeoutMs));
  }

  /** Sessions whose client is gone are not waited for long when the server closes. */
  private static EngineIoOptions transportOptions() {
    return new EngineIoOptions().path(SocketIoOptions.DEFAULT_PATH).closeTimeoutMs(CLOSE_TIMEOUT_MS);
  }

  private static SocketIoTestServer start(EngineIoOptions transport) throws Exception {
    SocketIoOptions options = new SocketIoOptions().engineIo(transport);
    Vertx vertx = Vertx.vertx();
    SocketIoServer io = SocketIoServer.create(vertx, options);
    TestApp app = new TestApp();
    app.install(io);
    Router router = Router.router(vertx);
    io.mount(router);
    HttpServer http = vertx.createHttpServer().requestHandler(router).listen(0)
        .toCompletionStage().toCompletableFuture().get(START_STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    return new SocketIoTestServer(vertx, io, http, app);
  }

  /** The server's base URL (the Socket.IO path is the default "/socket.io/"). */
  String url() {
    return "http://localhost:" + http.actualPort();
  }

  SocketIoServer io() {
    return io;
  }

  @Override
  public void close() throws Exception {
    io.close().eventually(() -> vertx.close())
        .toCompletionStage().toCompletableFuture().get(START_STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }
}
