package com.meetmates.signaling.socketio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.meetmates.signaling.json.JsonText;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The server API as an application uses it, each test on a namespace of its own, driven by a raw connection. */
class ServerApiTest {

  private static final Duration SHORT_ACK_TIMEOUT = Duration.ofMillis(200);
  private static final Duration WAIT = Duration.ofSeconds(RawConnection.WAIT_SECONDS);
  private static final AtomicInteger NAMESPACES = new AtomicInteger();

  private static SocketIoTestServer server;
  private final Map<String, String> disconnectReasons = new ConcurrentHashMap<>();
  private Namespace namespace;
  private String prefix;
  private RawConnection connection;

  @BeforeAll
  static void startServer() throws Exception {
    server = SocketIoTestServer.start();
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.close();
  }

  @BeforeEach
  void freshNamespace() {
    namespace = server.io().namespace("/api" + NAMESPACES.incrementAndGet());
    prefix = namespace.name() + ",";
  }

  @AfterEach
  void closeConnection() throws Exception {
    if (connection != null) {
      connection.close();
    }
  }

  @Test
  void emitWithAckCompletesWithTheClientsAnswer() throws Exception {
    CompletableFuture<JsonArray> answer = new CompletableFuture<>();
    namespace.onConnection(socket -> socket.emitWithAck("question", 1).onSuccess(answer::complete));
    connectRaw();

    String question = connection.nextText();
    assertThat(question).isEqualTo("2" + prefix + "0[\"question\",1]");
    connection.send("3" + prefix + "0[\"yes\",{\"n\":2}]");

    assertThat(answer.get(WAIT.toSeconds(), TimeUnit.SECONDS))
        .isEqualTo(new JsonArray().add("yes").add(new JsonObject().put("n", 2)));
  }

  @Test
  void aRawHandlerGetsTheArgumentsAsWrittenTakesPrecedenceAndItsTextIsSentOnAsItIs() throws Exception {
    CompletableFuture<List<JsonText>> received = new CompletableFuture<>();
    namespace.onConnection(socket -> socket
        .on("relay", (args, ack) -> ack.send("tree handler"))
        .onRaw("relay", (args, ack) -> {
          received.complete(args);
          ack.send(args.get(0));
          socket.emit("relayed", args.toArray());
        }));
    connectRaw();
    String argument = "{ \"a\" : \"é \\u2028 \\/\" , \"b\":[1.50, null] }";

    connection.send("2" + prefix + "4[\"relay\"," + argument + ",7]");

    assertThat(received.get(WAIT.toSeconds(), TimeUnit.SECONDS))
        .containsExactly(JsonText.wellFormed(argument), JsonText.wellFormed("7"));
    assertThat(connection.nextText()).isEqualTo("3" + prefix + "4[" + argument + "]");
    assertThat(connection.nextText()).isEqualTo("2" + prefix + "[\"relayed\"," + argument + ",7]");
  }

  @Test
  void emitWithAckFailsWhenTheClientDoesNotAnswerInTime() throws Exception {
    CompletableFuture<Throwable> failure = new CompletableFuture<>();
    namespace.onConnection(socket -> socket.emitWithAck(SHORT_ACK_TIMEOUT, "question").onFailure(failure::complete));
    connectRaw();

    assertThat(failure.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isInstanceOf(AckTimeoutException.class);
  }

  @Test
  void emitWithAckFailsWhenTheSocketDisconnectsFirst() throws Exception {
    CompletableFuture<Throwable> failure = new CompletableFuture<>();
    namespace.onConnection(socket -> socket.emitWithAck("question").onFailure(failure::complete));
    connectRaw();
    connection.nextText();

    connection.send("1" + prefix);

    assertThat(failure.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isInstanceOf(SocketDisconnectedException.class);
  }

  @Test
  void lateAckForAnAnsweredQuestionIsIgnored() throws Exception {
    namespace.onConnection(socket -> {
      socket.emitWithAck("question");
      socket.on("still-there", (args, ack) -> ack.send("yes"));
    });
    connectRaw();
    connection.nextText();

    connection.send("3" + prefix + "0[\"first\"]");
    connection.send("3" + prefix + "0[\"again\"]");
    connection.send("2" + prefix + "5[\"still-there\"]");

    assertThat(connection.nextText()).isEqualTo("3" + prefix + "5[\"yes\"]");
  }

  @Test
  void ackIsSentOnceWhateverTheHandlerDoes() throws Exception {
    namespace.onConnection(socket -> socket.on("twice", (args, ack) -> {
      ack.send("first");
      ack.send("second");
      socket.emit("after");
    }));
    connectRaw();

    connection.send("2" + prefix + "9[\"twice\"]");

    assertThat(connection.nextText()).isEqualTo("3" + prefix + "9[\"first\"]");
    assertThat(connection.nextText()).isEqualTo("2" + prefix + "[\"after\"]");
  }

  @Test
  void emitsFromAnotherThreadArriveInOrder() throws Exception {
    CompletableFuture<SocketIoSocket> connected = new CompletableFuture<>();
    namespace.onConnection(connected::complete);
    connectRaw();
    SocketIoSocket socket = connected.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    int count = 200;

    Thread sender = new Thread(() -> {
      for (int i = 0; i < count; i++) {
        socket.emit("n", i);
      }
    });
    sender.start();

    for (int i = 0; i < count; i++) {
      assertThat(connection.nextText()).isEqualTo("2" + prefix + "[\"n\"," + i + "]");
    }
  }

  @Test
  void broadcastReachesEverySocketOfTheNamespaceOnly() throws Exception {
    connection = RawConnection.open(server);
    connection.connect(namespace.name());
    connection.connect("/");
    RawConnection other = RawConnection.open(server);
    try {
      other.connect(namespace.name());
      await().atMost(WAIT).until(() -> namespace.size() == 2);

      namespace.emit("news", "hello");

      assertThat(connection.nextText()).isEqualTo("2" + prefix + "[\"news\",\"hello\"]");
      assertThat(other.nextText()).isEqualTo("2" + prefix + "[\"news\",\"hello\"]");
    } finally {
      other.close();
    }
  }

  @Test
  void encodedEventIsSentAsEncoded() throws Exception {
    EncodedEvent encoded = namespace.encode("relay", new JsonObject().put("candidate", "c").put("from", "x"));
    namespace.onConnection(socket -> {
      socket.emit(encoded);
      socket.emit(encoded);
    });
    connectRaw();

    assertThat(connection.nextText()).isEqualTo("2" + prefix + "[\"relay\",{\"candidate\":\"c\",\"from\":\"x\"}]");
    assertThat(connection.nextText()).isEqualTo("2" + prefix + "[\"relay\",{\"candidate\":\"c\",\"from\":\"x\"}]");
  }

  @Test
  void eventEncodedForAnotherNamespaceIsRefused() throws Exception {
    CompletableFuture<SocketIoSocket> connected = new CompletableFuture<>();
    namespace.onConnection(connected::complete);
    connectRaw();
    EncodedEvent elsewhere = server.io().namespace("/").encode("x");

    assertThatThrownBy(() -> connected.get(WAIT.toSeconds(), TimeUnit.SECONDS).emit(elsewhere))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void reservedEventNamesCannotBeEmitted() throws Exception {
    CompletableFuture<SocketIoSocket> connected = new CompletableFuture<>();
    namespace.onConnection(connected::complete);
    connectRaw();
    SocketIoSocket socket = connected.get(WAIT.toSeconds(), TimeUnit.SECONDS);

    assertThatThrownBy(() -> socket.emit("disconnect")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> socket.emit("connect_error")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void asynchronousMiddlewareDecidesFromAnotherThreadAndSetsAttributes() throws Exception {
    CompletableFuture<Object> userSeenOnConnection = new CompletableFuture<>();
    namespace.use((socket, next) -> new Thread(() -> {
      socket.attributes().put("user", socket.handshake().auth().getString("user"));
      next.proceed();
    }).start());
    namespace.onConnection(socket -> userSeenOnConnection.complete(socket.attributes().get("user")));
    connection = RawConnection.open(server);

    connection.send("0" + prefix + "{\"user\":\"ada\"}");

    assertThat(connection.nextText()).startsWith("0" + prefix + "{\"sid\":");
    assertThat(userSeenOnConnection.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("ada");
  }

  @Test
  void middlewaresRunInOrderAndTheFirstRefusalWins() throws Exception {
    AtomicInteger secondRan = new AtomicInteger();
    namespace.use((socket, next) -> next.refuse("first says no"));
    namespace.use((socket, next) -> {
      secondRan.incrementAndGet();
      next.proceed();
    });
    connection = RawConnection.open(server);

    connection.send("0" + prefix);

    assertThat(connection.nextText()).isEqualTo("4" + prefix + "{\"message\":\"first says no\"}");
    assertThat(secondRan).hasValue(0);
  }

  @Test
  void failingMiddlewareRefusesWithoutDetails() throws Exception {
    namespace.use((socket, next) -> {
      throw new IllegalStateException("database down");
    });
    connection = RawConnection.open(server);

    connection.send("0" + prefix);

    assertThat(connection.nextText()).isEqualTo("4" + prefix + "{\"message\":\"Internal server error\"}");
  }

  @Test
  void failingEventHandlerLeavesTheSocketConnected() throws Exception {
    namespace.onConnection(socket -> {
      socket.on("boom", (args, ack) -> {
        throw new IllegalStateException("bug");
      });
      socket.on("fine", (args, ack) -> ack.send("ok"));
    });
    connectRaw();

    connection.send("2" + prefix + "[\"boom\"]");
    connection.send("2" + prefix + "1[\"fine\"]");

    assertThat(connection.nextText()).isEqualTo("3" + prefix + "1[\"ok\"]");
  }

  @Test
  void disconnectWithCloseEndsEveryNamespaceAndTheConnection() throws Exception {
    namespace.onConnection(socket -> {
      trackDisconnect(socket);
      socket.on("close-all", (args, ack) -> socket.disconnect(true));
    });
    connection = RawConnection.open(server);
    String mainId = connection.connect("/");
    String ownId = connection.connect(namespace.name());

    connection.send("2" + prefix + "[\"close-all\"]");

    assertThat(connection.nextText()).isIn("1", "1" + prefix);
    assertThat(connection.nextText()).isIn("1", "1" + prefix);
    connection.awaitClosed();
    await().atMost(WAIT).until(() -> disconnectReasons.containsKey(ownId));
    assertThat(disconnectReasons).containsEntry(ownId, DisconnectReason.SERVER_NAMESPACE_DISCONNECT);
    await().atMost(WAIT).untilAsserted(() -> assertThat(server.app.disconnectReasons)
        .containsEntry(mainId, DisconnectReason.SERVER_NAMESPACE_DISCONNECT));
  }

  @Test
  void closingTheClientsConnectionEndsItsSocketsWithTransportClose() throws Exception {
    namespace.onConnection(this::trackDisconnect);
    connection = RawConnection.open(server);
    String id = connection.connect(namespace.name());

    connection.close();

    await().atMost(WAIT).untilAsserted(() -> assertThat(disconnectReasons)
        .containsEntry(id, DisconnectReason.TRANSPORT_CLOSE));
    assertThat(namespace.socket(id)).isNull();
  }

  @Test
  void serverCloseEndsSocketsWithoutDisconnectPacketSoClientsReconnect() throws Exception {
    try (SocketIoTestServer closing = SocketIoTestServer.start()) {
      connection = RawConnection.open(closing);
      String id = connection.connect("/");

      closing.io().close().toCompletionStage().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);

      connection.awaitClosed();
      assertThat(connection.unread()).doesNotContain("1");
      assertThat(closing.app.disconnectReasons).containsEntry(id, DisconnectReason.SERVER_SHUTTING_DOWN);
    }
  }

  private void connectRaw() throws Exception {
    connection = RawConnection.open(server);
    connection.connect(namespace.name());
  }

  private void trackDisconnect(SocketIoSocket socket) {
    socket.onDisconnect(reason -> disconnectReasons.put(socket.id(), reason));
  }
}
