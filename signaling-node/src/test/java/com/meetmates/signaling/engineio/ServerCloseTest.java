package com.meetmates.signaling.engineio;

import static org.assertj.core.api.Assertions.assertThat;

import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ServerCloseTest {

  private EngineIoTestServer server;

  @AfterEach
  void stop() throws Exception {
    server.close();
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
}
