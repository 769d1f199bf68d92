package com.meetmates.signaling.engineio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class SlowConsumerTest {

  private static final int MAX_PACKETS = 50;
  private static final long MAX_BYTES = 200_000;

  @AutoClose
  private EngineIoTestServer server;

  private EngineIoOptions bounded() {
    return new EngineIoOptions().maxBufferedPackets(MAX_PACKETS).maxBufferedBytes(MAX_BYTES);
  }

  @Test
  void aPollingClientThatStopsPollingIsClosedOnceItsQueuePassesThePacketBound() throws Exception {
    server = EngineIoTestServer.start(bounded());
    PollingClient client = server.openPolling();
    EngineIoSocket socket = server.nextSocket();
    CompletableFuture<String> reason = EngineIoTestServer.closeReasonOf(socket);
    for (int i = 0; i < MAX_PACKETS; i++) {
      socket.send("m" + i);
    }
    assertThat(socket.isOpen()).isTrue();
    socket.send("one too many");
    assertThat(reason.get(5, TimeUnit.SECONDS)).isEqualTo(CloseReason.SLOW_CONSUMER);
    assertThat(client.poll()).as("the queue is dropped, only the close packet is left").isEqualTo("1");
  }

  @Test
  void aPollingClientIsClosedOnceItsQueuePassesTheByteBound() throws Exception {
    server = EngineIoTestServer.start(bounded());
    server.openPolling();
    EngineIoSocket socket = server.nextSocket();
    CompletableFuture<String> reason = EngineIoTestServer.closeReasonOf(socket);
    String big = "x".repeat((int) MAX_BYTES / 4);
    for (int i = 0; i < 5; i++) {
      socket.send(big);
    }
    assertThat(reason.get(5, TimeUnit.SECONDS)).isEqualTo(CloseReason.SLOW_CONSUMER);
  }

  @Test
  void aPollingClientThatKeepsPollingIsNeverClosed() throws Exception {
    server = EngineIoTestServer.start(bounded());
    PollingClient client = server.openPolling();
    EngineIoSocket socket = server.nextSocket();
    int received = 0;
    for (int round = 0; round < 5; round++) {
      for (int i = 0; i < MAX_PACKETS; i++) {
        socket.send("m" + i);
      }
      received += PollingTransportTest.packets(client.poll()).size();
      while (received % MAX_PACKETS != 0) {
        received += PollingTransportTest.packets(client.poll()).size();
      }
    }
    assertThat(received).isEqualTo(5 * MAX_PACKETS);
    assertThat(socket.isOpen()).isTrue();
  }

  @Test
  void aWebSocketClientThatStopsReadingIsClosed() throws Exception {
    server = EngineIoTestServer.start(bounded());
    WebSocketClient client = server.openWebSocket();
    client.webSocket.pause();
    EngineIoSocket socket = server.nextSocket();
    CompletableFuture<String> reason = EngineIoTestServer.closeReasonOf(socket);
    String chunk = "x".repeat(64 * 1024);
    CompletableFuture<Integer> sent = CompletableFuture.supplyAsync(() -> {
      int count = 0;
      while (!reason.isDone() && count < 100_000) {
        socket.send(chunk);
        count++;
        if (count % 100 == 0) {
          java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
      }
      return count;
    });
    assertThat(reason.get(30, TimeUnit.SECONDS)).isEqualTo(CloseReason.SLOW_CONSUMER);
    assertThat(sent.get(30, TimeUnit.SECONDS)).isLessThan(100_000);
    client.webSocket.resume();
    client.awaitClose();
  }
}
