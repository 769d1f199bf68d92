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

  /** A server with the default settings. */
  static SocketIoTestServer start() throws Exception {
    return start(options());
  }

  /** A server with a short heartbeat, for ping timeout tests. */
  static SocketIoTestServer startWithHeartbeat(long pingIntervalMs, long pingTimeoutMs) throws Exception {
    SocketIoOptions options = options();
    options.engineIo().pingIntervalMs(pingIntervalMs).pingTimeoutMs(pingTimeoutMs);
    return start(options);
  }

  /**
   * The default options, except that sessions whose client is gone are not waited for long when
   * the server closes.
   */
  static SocketIoOptions options() {
    return new SocketIoOptions()
        .engineIo(new EngineIoOptions().path(SocketIoOptions.DEFAULT_PATH).closeTimeoutMs(CLOSE_TIMEOUT_MS));
  }

  static SocketIoTestServer start(SocketIoOptions options) throws Exception {
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

  int port() {
    return http.actualPort();
  }

  Vertx vertx() {
    return vertx;
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
