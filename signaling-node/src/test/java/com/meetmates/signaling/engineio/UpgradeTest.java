package com.meetmates.signaling.engineio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.vertx.core.http.UpgradeRejectedException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class UpgradeTest {

  @AutoClose
  private EngineIoTestServer server;

  private WebSocketClient upgradeSocket(PollingClient client) throws Exception {
    return WebSocketClient.connect(server.vertx, server.port,
        server.path("EIO=4&transport=websocket&sid=" + client.sid()));
  }

  @Test
  void probeIsAnsweredThePendingPollIsReleasedByANoopAndTheSessionMovesToWebSocket() throws Exception {
    BlockingQueue<String> received = new LinkedBlockingQueue<>();
    server = EngineIoTestServer.start(new EngineIoOptions(), 1, socket -> socket.textHandler(received::add));
    PollingClient client = new PollingClient(server);
    client.open();
    EngineIoSocket socket = server.nextSocket();
    CompletableFuture<HttpResponse<String>> pendingPoll = client.pollAsync();
    await().atMost(Duration.ofSeconds(5)).until(() -> PollingTransportTest.pending(socket));

    WebSocketClient ws = upgradeSocket(client);
    ws.send("2probe");
    assertThat(ws.nextText()).isEqualTo("3probe");
    assertThat(pendingPoll.get(5, TimeUnit.SECONDS).body()).isEqualTo("6");
    assertThat(socket.transport()).isEqualTo("polling");

    ws.send("5");
    await().atMost(Duration.ofSeconds(5)).until(() -> socket.transport().equals("websocket"));
    socket.send("over websocket");
    assertThat(ws.nextText()).isEqualTo("4over websocket");
    ws.send("4from client");
    assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("from client");
    assertThat(client.send(client.get(client.sessionQuery())).statusCode()).isEqualTo(400);
  }

  @Test
  void noMessageIsLostOrDuplicatedInEitherDirectionAcrossTheUpgrade() throws Exception {
    List<String> receivedByServer = new CopyOnWriteArrayList<>();
    server = EngineIoTestServer.start(new EngineIoOptions(), 2, socket -> socket.textHandler(receivedByServer::add));
    PollingClient client = new PollingClient(server);
    client.open();
    EngineIoSocket socket = server.nextSocket();

    AtomicBoolean stopSending = new AtomicBoolean();
    AtomicInteger sentByServer = new AtomicInteger();
    Thread sender = new Thread(() -> {
      while (!stopSending.get()) {
        socket.send("s" + sentByServer.getAndIncrement());
        java.util.concurrent.locks.LockSupport.parkNanos(200_000);
      }
    });
    sender.start();

    List<String> receivedByClient = new CopyOnWriteArrayList<>();
    AtomicBoolean pause = new AtomicBoolean();
    CompletableFuture<Void> pollingStopped = CompletableFuture.runAsync(() -> {
      try {
        while (!pause.get()) {
          receivedByClient.addAll(PollingTransportTest.packets(client.poll()));
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    for (int i = 0; i < 10; i++) {
      assertThat(client.post("4c" + i).statusCode()).isEqualTo(200);
    }

    WebSocketClient ws = upgradeSocket(client);
    ws.send("2probe");
    assertThat(ws.nextText()).isEqualTo("3probe");
    pause.set(true);
    pollingStopped.get(5, TimeUnit.SECONDS);
    long viaPolling = receivedByClient.stream().filter(p -> p.startsWith("4")).count();
    ws.send("5");
    for (int i = 10; i < 20; i++) {
      ws.send("4c" + i);
    }
    await().atMost(Duration.ofSeconds(5)).until(() -> socket.transport().equals("websocket"));
    stopSending.set(true);
    sender.join(5000);
    int total = sentByServer.get();
    String last = "4s" + (total - 1);
    String frame;
    do {
      frame = ws.nextText();
      receivedByClient.add(frame);
    } while (!frame.equals(last));

    List<String> messages = new ArrayList<>(receivedByClient.stream().filter(p -> p.startsWith("4")).toList());
    assertThat(viaPolling).as("messages that came by polling").isPositive();
    assertThat(messages.size()).as("messages that came by websocket").isGreaterThan((int) viaPolling);
    assertThat(messages).containsExactlyElementsOf(IntStream.range(0, total).mapToObj(i -> "4s" + i).toList());
    await().atMost(Duration.ofSeconds(5)).until(() -> receivedByServer.size() == 20);
    assertThat(receivedByServer).containsExactlyElementsOf(IntStream.range(0, 20).mapToObj(i -> "c" + i).toList());
  }

  @Test
  void anUpgradeThatDoesNotCompleteInTimeIsDroppedAndPollingGoesOn() throws Exception {
    server = EngineIoTestServer.start(new EngineIoOptions().upgradeTimeoutMs(300));
    PollingClient client = new PollingClient(server);
    client.open();
    EngineIoSocket socket = server.nextSocket();
    WebSocketClient ws = upgradeSocket(client);
    ws.send("2probe");
    assertThat(ws.nextText()).isEqualTo("3probe");
    ws.awaitClose();
    assertThat(socket.isOpen()).isTrue();
    assertThat(socket.transport()).isEqualTo("polling");
    CompletableFuture<HttpResponse<String>> poll = client.pollAsync();
    await().atMost(Duration.ofSeconds(5)).until(() -> PollingTransportTest.pending(socket));
    socket.send("still polling");
    assertThat(poll.get(5, TimeUnit.SECONDS).body()).isEqualTo("4still polling");
  }

  @Test
  void anythingButProbeOrUpgradeOnTheNewWebSocketDropsTheUpgrade() throws Exception {
    server = EngineIoTestServer.start(new EngineIoOptions());
    PollingClient client = new PollingClient(server);
    client.open();
    EngineIoSocket socket = server.nextSocket();
    WebSocketClient ws = upgradeSocket(client);
    ws.send("4too early");
    ws.awaitClose();
    assertThat(socket.isOpen()).isTrue();
    assertThat(socket.transport()).isEqualTo("polling");
    await().atMost(Duration.ofSeconds(5)).until(() -> ((Session) socket).canUpgrade());
  }

  @Test
  void aSecondUpgradeWhileOneIsUnderWayIsRefused() throws Exception {
    server = EngineIoTestServer.start(new EngineIoOptions());
    PollingClient client = new PollingClient(server);
    client.open();
    EngineIoSocket socket = server.nextSocket();
    upgradeSocket(client);
    await().atMost(Duration.ofSeconds(5)).until(() -> !((Session) socket).canUpgrade());
    assertThatThrownBy(() -> upgradeSocket(client))
        .isInstanceOf(ExecutionException.class)
        .cause().isInstanceOf(UpgradeRejectedException.class)
        .satisfies(e -> assertThat(((UpgradeRejectedException) e).getStatus()).isEqualTo(400));
  }

  @Test
  void aSessionAlreadyOnWebSocketCannotUpgradeAgain() throws Exception {
    server = EngineIoTestServer.start(new EngineIoOptions());
    WebSocketClient first = WebSocketClient.connect(server.vertx, server.port, server.path("EIO=4&transport=websocket"));
    String sid = new io.vertx.core.json.JsonObject(first.nextText().substring(1)).getString("sid");
    assertThatThrownBy(() -> WebSocketClient.connect(server.vertx, server.port,
        server.path("EIO=4&transport=websocket&sid=" + sid)))
        .cause().isInstanceOf(UpgradeRejectedException.class);
  }
}
