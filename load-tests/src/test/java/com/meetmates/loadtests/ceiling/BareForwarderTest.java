package com.meetmates.loadtests.ceiling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BareForwarderTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private Vertx vertx;
  private WebSocketClient client;
  private int port;

  @BeforeEach
  void startForwarder() throws Exception {
    vertx = Vertx.vertx();
    port = BareForwarder.deploy(vertx, 0, 2).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    client = vertx.createWebSocketClient();
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  /** The handler is in place before the connection opens, so no frame can arrive unseen. */
  private WebSocket connect(String key, List<String> received) throws Exception {
    ClientWebSocket socket = client.webSocket();
    socket.textMessageHandler(received::add);
    return socket.connect(port, "127.0.0.1", BareForwarder.PAIR_PATH_PREFIX + key)
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void framesOfOneMemberReachTheOtherUnchangedAndInOrder() throws Exception {
    List<String> atA = new CopyOnWriteArrayList<>();
    List<String> atB = new CopyOnWriteArrayList<>();
    WebSocket a = connect("p1", atA);
    WebSocket b = connect("p1", atB);

    for (int i = 0; i < 100; i++) {
      a.writeTextMessage("a" + i);
      b.writeTextMessage("b" + i);
    }

    await().atMost(TIMEOUT).until(() -> atA.size() == 100 && atB.size() == 100);
    assertThat(atB).first().isEqualTo("a0");
    assertThat(atB).last().isEqualTo("a99");
    assertThat(atB).doesNotHaveDuplicates().allMatch(frame -> frame.startsWith("a"));
    assertThat(atA).first().isEqualTo("b0");
    assertThat(atA).allMatch(frame -> frame.startsWith("b"));
  }

  @Test
  void framesSentBeforeThePartnerArrivesAreHeldForIt() throws Exception {
    List<String> atB = new CopyOnWriteArrayList<>();
    WebSocket a = connect("p2", new CopyOnWriteArrayList<>());
    a.writeTextMessage("early");

    connect("p2", atB);

    await().atMost(TIMEOUT).until(() -> atB.contains("early"));
  }

  @Test
  void pairsWithDifferentKeysDoNotSeeEachOther() throws Exception {
    List<String> atB = new CopyOnWriteArrayList<>();
    List<String> atD = new CopyOnWriteArrayList<>();
    WebSocket a = connect("x", new CopyOnWriteArrayList<>());
    connect("x", atB);
    WebSocket c = connect("y", new CopyOnWriteArrayList<>());
    connect("y", atD);

    a.writeTextMessage("for b");
    c.writeTextMessage("for d");

    await().atMost(TIMEOUT).until(() -> atB.size() == 1 && atD.size() == 1);
    assertThat(atB).containsExactly("for b");
    assertThat(atD).containsExactly("for d");
  }
}
