package com.meetmates.signaling.engineio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class PollingTransportTest {

  @AutoClose
  private EngineIoTestServer server;

  @Test
  void handshakeAnswersTheOpenPacketWithTheSessionSettings() throws Exception {
    server = EngineIoTestServer.start(new EngineIoOptions().pingIntervalMs(300).pingTimeoutMs(400).maxPayloadBytes(5000));
    PollingClient client = new PollingClient(server);
    JsonObject open = client.open();
    assertThat(open.fieldNames()).containsExactly("sid", "upgrades", "pingInterval", "pingTimeout", "maxPayload");
    assertThat(open.getString("sid")).hasSize(20);
    assertThat(open.getJsonArray("upgrades")).isEqualTo(new JsonArray().add("websocket"));
    assertThat(open.getLong("pingInterval")).isEqualTo(300);
    assertThat(open.getLong("pingTimeout")).isEqualTo(400);
    assertThat(open.getLong("maxPayload")).isEqualTo(5000);
    EngineIoSocket socket = server.nextSocket();
    assertThat(socket.id()).isEqualTo(client.sid());
    assertThat(socket.transport()).isEqualTo("polling");
    assertThat(socket.handshake().query().get("EIO")).isEqualTo("4");
    assertThat(server.engineIo.clientsCount()).isEqualTo(1);
  }

  @Test
  void aPollingOnlyServerOffersNoUpgrade() throws Exception {
    server = EngineIoTestServer.start(new EngineIoOptions().transports(List.of("polling")));
    assertThat(new PollingClient(server).open().getJsonArray("upgrades")).isEmpty();
  }

  @Test
  void messagesQueuedBetweenPollsArriveTogetherInOrderEachAsItsOwnPacket() throws Exception {
    server = EngineIoTestServer.start(new EngineIoOptions());
    PollingClient client = server.openPolling();
    EngineIoSocket socket = server.nextSocket();
    socket.send("one");
    socket.send("two");
    socket.send(Buffer.buffer(new byte[] {1, 2, 3}));
    socket.send("three");
    await().atMost(Duration.ofSeconds(5)).until(() -> socketQueued(socket));
    assertThat(client.poll()).isEqualTo("4one\u001e4two\u001ebAQID\u001e4three");
  }

  private static boolean socketQueued(EngineIoSocket socket) {
    return ((Session) socket).outbound().size() == 4;
  }

  @Test
  void aPendingPollIsAnsweredAsSoonAsTheServerSends() throws Exception {
    server = EngineIoTestServer.start(new EngineIoOptions());
    PollingClient client = server.openPolling();
    EngineIoSocket socket = server.nextSocket();
    CompletableFuture<HttpResponse<String>> poll = client.pollAsync();
    await().atMost(Duration.ofSeconds(5)).until(() -> pending(socket));
    assertThat(poll).isNotDone();
    socket.send("hello");
    assertThat(poll.get(5, TimeUnit.SECONDS).body()).isEqualTo("4hello");
  }

  static boolean pending(EngineIoSocket socket) throws Exception {
    Session session = (Session) socket;
    CompletableFuture<Boolean> result = new CompletableFuture<>();
    session.execute(() -> result.complete(session.hasPendingPoll()));
    return result.get(5, TimeUnit.SECONDS);
  }

  @Test
  void postedPacketsReachTheHandlersInOrder() throws Exception {
    server = EngineIoTestServer.start(new EngineIoOptions());
    PollingClient client = server.openPolling();
    EngineIoSocket socket = server.nextSocket();
    List<Object> received = new CopyOnWriteArrayList<>();
    socket.textHandler(received::add);
    socket.binaryHandler(binary -> received.add(List.of(binary.getBytes()[0], binary.getBytes()[1])));
    HttpResponse<String> response = client.post("4hello\u001ebCgs=\u001e4\u001e4world");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("ok");
    assertThat(received).containsExactly("hello", List.of((byte) 10, (byte) 11), "", "world");
  }

  @Test
  void aPollIsNeverBiggerThanMaxPayloadAndTheRestFollowsInOrder() throws Exception {
    server = EngineIoTestServer.start(new EngineIoOptions().maxPayloadBytes(100));
    PollingClient client = server.openPolling();
    EngineIoSocket socket = server.nextSocket();
    List<String> sent = IntStream.range(0, 5).mapToObj(i -> i + "x".repeat(40)).toList();
    sent.forEach(socket::send);
    await().atMost(Duration.ofSeconds(5)).until(() -> ((Session) socket).outbound().size() == 5);
    List<String> first = packets(client.poll());
    List<String> second = packets(client.poll());
    List<String> third = packets(client.poll());
    assertThat(first).hasSize(2);
    assertThat(second).hasSize(2);
    assertThat(third).hasSize(1);
    assertThat(concat(first, second, third)).containsExactlyElementsOf(sent.stream().map(s -> "4" + s).toList());
  }

  @Test
  void theServerClosingHandsTheClosePacketToThePendingPollAfterQueuedMessages() throws Exception {
    server = EngineIoTestServer.start(new EngineIoOptions());
    PollingClient client = server.openPolling();
    EngineIoSocket socket = server.nextSocket();
    CompletableFuture<String> reason = EngineIoTestServer.closeReasonOf(socket);
    socket.send("bye");
    socket.close();
    // The close is under way (and its packet queued) before the poll: a poll served between the two would
    // rightly get the message alone.
    assertThat(reason.get(5, TimeUnit.SECONDS)).isEqualTo(CloseReason.FORCED_CLOSE);
    assertThat(client.poll()).isEqualTo("4bye\u001e1");
    assertThat(socket.isOpen()).isFalse();
    await().atMost(Duration.ofSeconds(5)).until(() -> server.engineIo.clientsCount() == 0);
    assertThat(client.send(client.get(client.sessionQuery())).statusCode()).isEqualTo(400);
  }

  @Test
  void aClosePacketFromTheClientEndsTheSession() throws Exception {
    server = EngineIoTestServer.start(new EngineIoOptions());
    PollingClient client = server.openPolling();
    EngineIoSocket socket = server.nextSocket();
    CompletableFuture<String> reason = EngineIoTestServer.closeReasonOf(socket);
    CompletableFuture<HttpResponse<String>> poll = client.pollAsync();
    await().atMost(Duration.ofSeconds(5)).until(() -> pending(socket));
    assertThat(client.post("1").statusCode()).isEqualTo(200);
    assertThat(reason.get(5, TimeUnit.SECONDS)).isEqualTo(CloseReason.TRANSPORT_CLOSE);
    assertThat(poll.get(5, TimeUnit.SECONDS).body()).isEqualTo("1");
    await().atMost(Duration.ofSeconds(5)).until(() -> server.engineIo.clientsCount() == 0);
  }

  @Test
  void aSecondPollWhileOneIsPendingIsRefusedAndEndsTheSession() throws Exception {
    server = EngineIoTestServer.start(new EngineIoOptions());
    PollingClient client = server.openPolling();
    EngineIoSocket socket = server.nextSocket();
    CompletableFuture<String> reason = EngineIoTestServer.closeReasonOf(socket);
    CompletableFuture<HttpResponse<String>> first = client.pollAsync();
    await().atMost(Duration.ofSeconds(5)).until(() -> pending(socket));
    HttpResponse<String> second = client.pollAsync().get(5, TimeUnit.SECONDS);
    assertThat(second.statusCode()).isEqualTo(400);
    assertThat(new JsonObject(second.body()).getInteger("code")).isEqualTo(3);
    assertThat(first.get(5, TimeUnit.SECONDS).body()).isEqualTo("1");
    assertThat(reason.get(5, TimeUnit.SECONDS)).isEqualTo(CloseReason.TRANSPORT_ERROR);
  }

  @Test
  void aMalformedPayloadIsRefusedAndEndsTheSession() throws Exception {
    server = EngineIoTestServer.start(new EngineIoOptions());
    PollingClient client = server.openPolling();
    EngineIoSocket socket = server.nextSocket();
    CompletableFuture<String> reason = EngineIoTestServer.closeReasonOf(socket);
    HttpResponse<String> response = client.post("4ok\u001e9bad");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(new JsonObject(response.body())).isEqualTo(new JsonObject().put("code", 3).put("message", "Bad request"));
    assertThat(reason.get(5, TimeUnit.SECONDS)).isEqualTo(CloseReason.PARSE_ERROR);
  }

  @Test
  void handlersRunOnTheSessionContextInOrderWhicheverEventLoopServesTheRequest() throws Exception {
    server = EngineIoTestServer.start(new EngineIoOptions(), 4, socket -> { });
    PollingClient opener = server.openPolling();
    EngineIoSocket socket = server.nextSocket();
    List<String> received = new CopyOnWriteArrayList<>();
    List<Context> contexts = new CopyOnWriteArrayList<>();
    socket.textHandler(text -> {
      received.add(text);
      contexts.add(Vertx.currentContext());
    });
    List<String> sent = IntStream.range(0, 40).mapToObj(Integer::toString).toList();
    for (String message : sent) {
      PollingClient fresh = new PollingClient(server);
      fresh.adopt(opener.sid());
      assertThat(fresh.post("4" + message).statusCode()).isEqualTo(200);
    }
    assertThat(server.requestThreads).as("requests were served by several event loops").hasSizeGreaterThan(1);
    assertThat(received).containsExactlyElementsOf(sent);
    assertThat(contexts).containsOnly(contexts.get(0));
  }

  static List<String> packets(String payload) {
    return List.of(payload.split("\u001e", -1));
  }

  @SafeVarargs
  private static List<String> concat(List<String>... lists) {
    return java.util.Arrays.stream(lists).flatMap(List::stream).toList();
  }
}
