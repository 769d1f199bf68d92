package com.meetmates.signaling.engineio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class HeartbeatTest {

  private static final long PING_INTERVAL_MS = 200;
  private static final long PING_TIMEOUT_MS = 300;

  @AutoClose
  private EngineIoTestServer server;

  private EngineIoOptions shortHeartbeat() {
    return new EngineIoOptions().pingIntervalMs(PING_INTERVAL_MS).pingTimeoutMs(PING_TIMEOUT_MS);
  }

  @Test
  void theServerPingsEveryIntervalAndAClientThatAnswersStaysConnected() throws Exception {
    server = EngineIoTestServer.start(shortHeartbeat());
    WebSocketClient client = server.openWebSocket();
    EngineIoSocket socket = server.nextSocket();
    long start = System.nanoTime();
    for (int i = 0; i < 5; i++) {
      assertThat(client.nextText()).isEqualTo("2");
      client.send("3");
    }
    long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertThat(elapsedMs).as("five ping intervals").isGreaterThanOrEqualTo(4 * PING_INTERVAL_MS);
    assertThat(socket.isOpen()).isTrue();
  }

  @Test
  void aWebSocketClientThatDoesNotAnswerIsClosedWithPingTimeout() throws Exception {
    server = EngineIoTestServer.start(shortHeartbeat());
    WebSocketClient client = server.openWebSocket();
    EngineIoSocket socket = server.nextSocket();
    CompletableFuture<String> reason = EngineIoTestServer.closeReasonOf(socket);
    assertThat(client.nextText()).isEqualTo("2");
    assertThat(reason.get(5, TimeUnit.SECONDS)).isEqualTo(CloseReason.PING_TIMEOUT);
    client.awaitClose();
    await().atMost(Duration.ofSeconds(5)).until(() -> server.engineIo.clientsCount() == 0);
  }

  @Test
  void sessionsKeepTheirOwnDeadlinesOnTheSharedTickerASilentOneEndsWhileItsNeighbourAnswers() throws Exception {
    server = EngineIoTestServer.start(shortHeartbeat());
    WebSocketClient answering = server.openWebSocket();
    EngineIoSocket answeringSocket = server.nextSocket();
    WebSocketClient silent = server.openWebSocket();
    EngineIoSocket silentSocket = server.nextSocket();
    CompletableFuture<String> silentReason = EngineIoTestServer.closeReasonOf(silentSocket);
    assertThat(silent.nextText()).isEqualTo("2");
    while (!silentReason.isDone()) {
      assertThat(answering.nextText()).isEqualTo("2");
      answering.send("3");
    }
    assertThat(silentReason.get()).isEqualTo(CloseReason.PING_TIMEOUT);
    for (int i = 0; i < 3; i++) {
      assertThat(answering.nextText()).isEqualTo("2");
      answering.send("3");
    }
    assertThat(answeringSocket.isOpen()).isTrue();
  }

  @Test
  void aPollingClientGetsThePingOnItsPollAndStaysConnectedByPostingPongs() throws Exception {
    server = EngineIoTestServer.start(shortHeartbeat());
    PollingClient client = server.openPolling();
    EngineIoSocket socket = server.nextSocket();
    for (int i = 0; i < 3; i++) {
      assertThat(client.poll()).isEqualTo("2");
      assertThat(client.post("3").statusCode()).isEqualTo(200);
    }
    assertThat(socket.isOpen()).isTrue();
  }

  @Test
  void aPollingClientThatStopsAnsweringIsClosedWithPingTimeout() throws Exception {
    server = EngineIoTestServer.start(shortHeartbeat());
    PollingClient client = server.openPolling();
    EngineIoSocket socket = server.nextSocket();
    CompletableFuture<String> reason = EngineIoTestServer.closeReasonOf(socket);
    assertThat(client.poll()).isEqualTo("2");
    assertThat(reason.get(5, TimeUnit.SECONDS)).isEqualTo(CloseReason.PING_TIMEOUT);
    assertThat(client.poll()).isEqualTo("1");
  }
}
