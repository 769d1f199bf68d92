package com.meetmates.signaling.engineio;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ThreadingTest {

  private static final int THREADS = 1;
  private static final int MESSAGES_PER_THREAD = 2;

  private EngineIoTestServer server;
  private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

  @AfterEach
  void stop() throws Exception {
    pool.shutdownNow();
    server.close();
  }

  @Test
  void sendsFromManyThreadsArriveOnceEachAndInEachThreadsOrder() throws Exception {
    server = EngineIoTestServer.start(new EngineIoOptions());
    WebSocketClient client = WebSocketClient.connect(server.vertx, server.port, server.path("EIO=4&transport=websocket"));
    client.nextText();
    EngineIoSocket socket = server.nextSocket();
    List<CompletableFuture<Void>> senders = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      senders.add(CompletableFuture.runAsync(() -> {
        for (int i = 0; i < MESSAGES_PER_THREAD; i++) {
          socket.send(thread + ":" + i);
        }
      }, pool));
    }
    CompletableFuture.allOf(senders.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);

    Map<Integer, Integer> nextExpected = new HashMap<>();
    for (int n = 0; n < THREADS * MESSAGES_PER_THREAD; n++) {
      String[] parts = client.nextText().substring(1).split(":");
      int thread = Integer.parseInt(parts[0]);
      int index = Integer.parseInt(parts[1]);
      assertThat(index).as("next message of thread %d", thread).isEqualTo(nextExpected.getOrDefault(thread, 0));
      nextExpected.put(thread, index + 1);
    }
    assertThat(nextExpected).hasSize(THREADS).allSatisfy((thread, next) -> assertThat(next).isEqualTo(MESSAGES_PER_THREAD));
  }

  @Test
  void pollsAndPostsArrivingOnOtherEventLoopsAreAnsweredUnderStrictThreadMode() throws Exception {
    List<String> received = new CopyOnWriteArrayList<>();
    server = EngineIoTestServer.start(new EngineIoOptions(), 4, socket -> socket.textHandler(received::add));
    PollingClient opener = new PollingClient(server);
    opener.open();
    EngineIoSocket socket = server.nextSocket();
    for (int connection = 0; connection < 4; connection++) {
      PollingClient other = new PollingClient(server);
      other.adopt(opener.sid());
      assertThat(other.post("4from " + connection).statusCode()).isEqualTo(200);
      socket.send("to " + connection);
      assertThat(other.poll()).isEqualTo("4to " + connection);
    }
    assertThat(server.requestThreads).as("requests served by several event loops").hasSizeGreaterThan(1);
    assertThat(received).containsExactly("from 0", "from 1", "from 2", "from 3");
    assertThat(socket.isOpen()).isTrue();
  }

  @Test
  void anUpgradeServedByAnotherEventLoopKeepsTheHandlersOnTheSessionContext() throws Exception {
    List<Context> contexts = new CopyOnWriteArrayList<>();
    List<String> received = new CopyOnWriteArrayList<>();
    server = EngineIoTestServer.start(new EngineIoOptions(), 4, socket -> {
      contexts.add(Vertx.currentContext());
      socket.textHandler(text -> {
        contexts.add(Vertx.currentContext());
        received.add(text);
      });
    });
    PollingClient polling = new PollingClient(server);
    polling.open();
    EngineIoSocket socket = server.nextSocket();
    assertThat(polling.post("4before").statusCode()).isEqualTo(200);
    WebSocketClient ws = null;
    for (int attempt = 0; attempt < 4 && ws == null; attempt++) {
      ws = WebSocketClient.connect(server.vertx, server.port, server.path("EIO=4&transport=websocket&sid=" + polling.sid()));
    }
    ws.send("2probe");
    assertThat(ws.nextText()).isEqualTo("3probe");
    ws.send("5");
    ws.send("4after");
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).until(() -> received.size() == 2);
    assertThat(received).containsExactly("before", "after");
    assertThat(socket.transport()).isEqualTo("websocket");
    assertThat(server.requestThreads).hasSizeGreaterThan(1);
    assertThat(contexts).hasSize(3).containsOnly(contexts.get(0));
  }
}
