package com.meetmates.signaling.engineio;

import static org.assertj.core.api.Assertions.assertThat;

import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ServerCloseTest {

  private static final long SHUTDOWN_TIMEOUT_SECONDS = 20;

  private EngineIoTestServer server;
  private Vertx clientVertx;

  @AfterEach
  void stop() throws Exception {
    server.close();
    if (clientVertx != null) {
      EngineIoTestServer.await(clientVertx.close());
    }
  }

  @Test
  void closingTheServerClosesEverySessionOnBothTransports() throws Exception {
    List<String> reasons = new CopyOnWriteArrayList<>();
    server = EngineIoTestServer.start(new EngineIoOptions(), 1, socket -> socket.closeHandler(reasons::add));
    PollingClient polling = new PollingClient(server);
    polling.open();
    EngineIoSocket pollingSocket = server.nextSocket();
    CompletableFuture<HttpResponse<String>> poll = polling.pollAsync();
    await().atMost(Duration.ofSeconds(5)).until(() -> PollingTransportTest.pending(pollingSocket));
    WebSocketClient ws = WebSocketClient.connect(server.vertx, server.port, server.path("EIO=4&transport=websocket"));
    ws.nextText();
    server.nextSocket();

    EngineIoTestServer.await(server.engineIo.close());

    assertThat(server.engineIo.clientsCount()).isZero();
    assertThat(reasons).containsExactly(CloseReason.FORCED_CLOSE, CloseReason.FORCED_CLOSE);
    assertThat(poll.get(5, TimeUnit.SECONDS).body()).isEqualTo("1");
    ws.awaitClose();
  }

  @Test
  void shuttingDownTheHttpServerClosesItsWebSocketSessionsAtOnce() throws Exception {
    CompletableFuture<String> reason = new CompletableFuture<>();
    server = EngineIoTestServer.start(new EngineIoOptions(), 1, socket -> socket.closeHandler(reason::complete));
    HttpServer httpServer = EngineIoTestServer.await(server.vertx.createHttpServer(new EngineIoOptions().applyTo(new HttpServerOptions()))
        .requestHandler(server.engineIo.requestHandler(request -> request.response().setStatusCode(404).end()))
        .listen(0, "127.0.0.1"));
    clientVertx = Vertx.vertx();
    WebSocketClient ws = WebSocketClient.connect(clientVertx, httpServer.actualPort(), "/engine.io/?EIO=4&transport=websocket");
    ws.nextText();
    server.nextSocket();
    long start = System.nanoTime();

    EngineIoTestServer.await(httpServer.shutdown(SHUTDOWN_TIMEOUT_SECONDS, TimeUnit.SECONDS));

    assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(SHUTDOWN_TIMEOUT_SECONDS / 2);
    assertThat(reason.get(5, TimeUnit.SECONDS)).isEqualTo(CloseReason.FORCED_CLOSE);
    ws.awaitClose();
  }
}
