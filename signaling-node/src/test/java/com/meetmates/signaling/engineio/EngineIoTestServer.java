package com.meetmates.signaling.engineio;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A real Vert.x HTTP server on a random port with one Engine.IO server mounted on a Router, in as
 * many verticle instances (event loops) as asked; every new session lands in {@link #nextSocket()}.
 */
final class EngineIoTestServer implements AutoCloseable {

  static final long WAIT_SECONDS = 10;
  static final String WEBSOCKET_QUERY = "EIO=4&transport=websocket";

  final Vertx vertx;
  final EngineIoServer engineIo;
  final EngineIoOptions options;
  final int port;
  /** Names of the event-loop threads that served requests. */
  final java.util.Set<String> requestThreads = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private final BlockingQueue<EngineIoSocket> sockets = new LinkedBlockingQueue<>();

  private EngineIoTestServer(Vertx vertx, EngineIoOptions options, int instances, Consumer<EngineIoSocket> onConnection)
      throws Exception {
    this.vertx = vertx;
    this.options = options;
    this.engineIo = EngineIoServer.create(vertx, options).connectionHandler(socket -> {
      onConnection.accept(socket);
      sockets.add(socket);
    });
    java.util.Set<Integer> ports = java.util.concurrent.ConcurrentHashMap.newKeySet();
    await(vertx.deployVerticle(() -> new HttpVerticle(engineIo, options, ports, requestThreads),
        new DeploymentOptions().setInstances(instances)));
    assertThat(ports).as("every instance shares one port").hasSize(1);
    this.port = ports.iterator().next();
  }

  static EngineIoTestServer start(EngineIoOptions options) throws Exception {
    return start(options, 1, socket -> { });
  }

  static EngineIoTestServer start(EngineIoOptions options, int instances, Consumer<EngineIoSocket> onConnection)
      throws Exception {
    return new EngineIoTestServer(Vertx.vertx(), options, instances, onConnection);
  }

  /** On a Vert.x of the test's own making (e.g. with metrics); closing the server closes it. */
  static EngineIoTestServer start(Vertx vertx, EngineIoOptions options) throws Exception {
    return new EngineIoTestServer(vertx, options, 1, socket -> { });
  }

  EngineIoSocket nextSocket() throws InterruptedException {
    EngineIoSocket socket = sockets.poll(WAIT_SECONDS, TimeUnit.SECONDS);
    assertThat(socket).as("a new Engine.IO session").isNotNull();
    return socket;
  }

  /** Opens a WebSocket-only session and reads its open packet. */
  WebSocketClient openWebSocket() throws Exception {
    WebSocketClient client = WebSocketClient.connect(vertx, port, path(WEBSOCKET_QUERY));
    client.nextText();
    return client;
  }

  /** Opens a long-polling session (the open packet is read by the handshake). */
  PollingClient openPolling() throws Exception {
    PollingClient client = new PollingClient(this);
    client.open();
    return client;
  }

  /** The reason the socket will close with, once it does. */
  static CompletableFuture<String> closeReasonOf(EngineIoSocket socket) {
    CompletableFuture<String> reason = new CompletableFuture<>();
    socket.closeHandler(reason::complete);
    return reason;
  }

  String httpUrl(String query) {
    return "http://127.0.0.1:" + port + options.path() + "?" + query;
  }

  String path(String query) {
    return options.path() + "?" + query;
  }

  static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws Exception {
    await(vertx.close());
  }

  private static final class HttpVerticle extends VerticleBase {
    /** Vert.x binds a negative port to one random port shared by every server that asks for it. */
    private static final int SHARED_RANDOM_PORT = -1;
    private final EngineIoServer engineIo;
    private final EngineIoOptions options;
    private final java.util.Set<Integer> ports;
    private final java.util.Set<String> requestThreads;

    HttpVerticle(EngineIoServer engineIo, EngineIoOptions options, java.util.Set<Integer> ports,
        java.util.Set<String> requestThreads) {
      this.engineIo = engineIo;
      this.options = options;
      this.ports = ports;
      this.requestThreads = requestThreads;
    }

    @Override
    public Future<?> start() {
      Router router = Router.router(vertx);
      router.route().handler(ctx -> {
        requestThreads.add(Thread.currentThread().getName());
        ctx.next();
      });
      engineIo.mount(router);
      return vertx.createHttpServer(options.applyTo(new HttpServerOptions()))
          .requestHandler(router)
          .listen(SHARED_RANDOM_PORT, "127.0.0.1")
          .map(HttpServer::actualPort)
          .onSuccess(ports::add);
    }
  }
}
