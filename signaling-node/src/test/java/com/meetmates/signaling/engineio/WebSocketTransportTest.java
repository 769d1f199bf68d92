package com.meetmates.signaling.engineio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebSocketTransportTest {

  @AutoClose
  private EngineIoTestServer server;

  private io.vertx.core.http.WebSocketClient clientOfferingCompression(boolean compression) {
    return server.vertx.createWebSocketClient(new WebSocketClientOptions().setTryUsePerMessageCompression(compression));
  }

  private WebSocketConnectOptions webSocketHandshake() {
    return new WebSocketConnectOptions().setHost("127.0.0.1").setPort(server.port)
        .setURI(server.path(EngineIoTestServer.WEBSOCKET_QUERY));
  }

  @Test
  void handshakeOverWebSocketSendsTheOpenPacketWithNoUpgrades() throws Exception {
    server = EngineIoTestServer.start(new EngineIoOptions().pingIntervalMs(1000).pingTimeoutMs(2000));
    WebSocketClient client = WebSocketClient.connect(server.vertx, server.port, server.path(EngineIoTestServer.WEBSOCKET_QUERY));
    String open = client.nextText();
    assertThat(open).startsWith("0");
    JsonObject handshake = new JsonObject(open.substring(1));
    assertThat(handshake.getJsonArray("upgrades")).isEmpty();
    assertThat(handshake.getLong("pingInterval")).isEqualTo(1000);
    EngineIoSocket socket = server.nextSocket();
    assertThat(socket.id()).isEqualTo(handshake.getString("sid"));
    assertThat(socket.transport()).isEqualTo("websocket");
  }

  @Test
  void textAndBinaryMessagesMakeTheRoundTrip() throws Exception {
    server = EngineIoTestServer.start(new EngineIoOptions(), 1, socket -> {
      socket.textHandler(text -> socket.send("echo:" + text));
      socket.binaryHandler(binary -> socket.send(Buffer.buffer().appendBuffer(binary).appendByte((byte) 9)));
    });
    WebSocketClient client = server.openWebSocket();
    client.send("4hello");
    assertThat(client.nextTextIgnoringPings()).isEqualTo("4echo:hello");
    client.send(Buffer.buffer(new byte[] {1, 2}));
    assertThat(client.nextBinary().getBytes()).containsExactly(1, 2, 9);
  }

  @Test
  void eachMessageIsItsOwnFrame() throws Exception {
    server = EngineIoTestServer.start(new EngineIoOptions());
    WebSocketClient client = server.openWebSocket();
    EngineIoSocket socket = server.nextSocket();
    List.of("a", "b", "c").forEach(socket::send);
    assertThat(List.of(client.nextText(), client.nextText(), client.nextText())).containsExactly("4a", "4b", "4c");
  }

  @Test
  void aBurstSentInOneEventLoopTurnArrivesWholeAndInOrder() throws Exception {
    int burst = FlushConsolidation.MAX_DEFERRED_FLUSHES * 3 + 7;
    server = EngineIoTestServer.start(new EngineIoOptions(), 1, socket -> socket.textHandler(text -> {
      for (int i = 0; i < burst; i++) {
        socket.send(text + i);
      }
    }));
    WebSocketClient client = server.openWebSocket();
    client.send("4m");
    for (int i = 0; i < burst; i++) {
      assertThat(client.nextTextIgnoringPings()).isEqualTo("4m" + i);
    }
  }

  @Test
  void messagesFromTheClientReachTheHandlerInOrder() throws Exception {
    BlockingQueue<String> received = new LinkedBlockingQueue<>();
    server = EngineIoTestServer.start(new EngineIoOptions(), 1, socket -> socket.textHandler(received::add));
    WebSocketClient client = server.openWebSocket();
    for (int i = 0; i < 100; i++) {
      client.send("4" + i);
    }
    for (int i = 0; i < 100; i++) {
      assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo(Integer.toString(i));
    }
  }

  @Test
  void theClientClosingTheWebSocketEndsTheSession() throws Exception {
    server = EngineIoTestServer.start(new EngineIoOptions());
    WebSocketClient client = server.openWebSocket();
    EngineIoSocket socket = server.nextSocket();
    CompletableFuture<String> reason = EngineIoTestServer.closeReasonOf(socket);
    client.close();
    assertThat(reason.get(5, TimeUnit.SECONDS)).isEqualTo(CloseReason.TRANSPORT_CLOSE);
    await().atMost(Duration.ofSeconds(5)).until(() -> server.engineIo.clientsCount() == 0);
  }

  @Test
  void aClosePacketFromTheClientEndsTheSession() throws Exception {
    server = EngineIoTestServer.start(new EngineIoOptions());
    WebSocketClient client = server.openWebSocket();
    EngineIoSocket socket = server.nextSocket();
    CompletableFuture<String> reason = EngineIoTestServer.closeReasonOf(socket);
    client.send("1");
    assertThat(reason.get(5, TimeUnit.SECONDS)).isEqualTo(CloseReason.TRANSPORT_CLOSE);
    client.awaitClose();
  }

  @Test
  void theServerClosingSendsWhatIsQueuedThenClosesTheWebSocket() throws Exception {
    server = EngineIoTestServer.start(new EngineIoOptions());
    WebSocketClient client = server.openWebSocket();
    EngineIoSocket socket = server.nextSocket();
    CompletableFuture<String> reason = EngineIoTestServer.closeReasonOf(socket);
    socket.send("last words");
    socket.close();
    assertThat(client.nextText()).isEqualTo("4last words");
    assertThat(client.awaitClose()).isEqualTo((short) 1000);
    assertThat(reason.get(5, TimeUnit.SECONDS)).isEqualTo(CloseReason.FORCED_CLOSE);
    await().atMost(Duration.ofSeconds(5)).until(() -> server.engineIo.clientsCount() == 0);
  }

  /**
   * The close frame comes inside a message that never ends (RFC 6455 allows control frames between
   * fragments): the Java client (OkHttp) fails the connection there instead of waiting for its ping
   * timeout. Also with permessage-deflate, as browsers and Node's ws negotiate it.
   */
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void theServerClosingSendsTheCloseFrameInsideAnUnfinishedMessage(boolean compressed) throws Exception {
    server = EngineIoTestServer.start(new EngineIoOptions().perMessageDeflate(compressed));
    BlockingQueue<WebSocketFrame> frames = new LinkedBlockingQueue<>();
    io.vertx.core.http.WebSocketClient client = clientOfferingCompression(compressed);
    ClientWebSocket webSocket = client.webSocket();
    webSocket.frameHandler(frames::add);
    EngineIoTestServer.await(webSocket.connect(webSocketHandshake()));
    assertThat(webSocket.headers().contains("Sec-WebSocket-Extensions")).as("permessage-deflate").isEqualTo(compressed);
    assertThat(frames.poll(EngineIoTestServer.WAIT_SECONDS, TimeUnit.SECONDS).textData()).startsWith("0");

    server.nextSocket().close();

    WebSocketFrame unfinished = frames.poll(EngineIoTestServer.WAIT_SECONDS, TimeUnit.SECONDS);
    assertThat(unfinished.isText()).isTrue();
    assertThat(unfinished.isFinal()).isFalse();
    WebSocketFrame close = frames.poll(EngineIoTestServer.WAIT_SECONDS, TimeUnit.SECONDS);
    assertThat(close.isClose()).isTrue();
    assertThat(close.closeStatusCode()).isEqualTo((short) 1000);
    EngineIoTestServer.await(client.close());
  }

  @Test
  void compressedMessagesMakeTheRoundTripWhenDeflateIsOn() throws Exception {
    server = EngineIoTestServer.start(new EngineIoOptions().perMessageDeflate(true), 1,
        socket -> socket.textHandler(text -> socket.send("echo:" + text)));
    BlockingQueue<String> texts = new LinkedBlockingQueue<>();
    io.vertx.core.http.WebSocketClient client = clientOfferingCompression(true);
    ClientWebSocket webSocket = client.webSocket();
    webSocket.textMessageHandler(texts::add);
    EngineIoTestServer.await(webSocket.connect(webSocketHandshake()));
    assertThat(webSocket.headers().get("Sec-WebSocket-Extensions")).startsWith("permessage-deflate");
    assertThat(texts.poll(EngineIoTestServer.WAIT_SECONDS, TimeUnit.SECONDS)).startsWith("0");

    String large = "x".repeat(50_000);
    EngineIoTestServer.await(webSocket.writeTextMessage("4" + large));

    assertThat(texts.poll(EngineIoTestServer.WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("4echo:" + large);
    EngineIoTestServer.await(client.close());
  }

  @Test
  void aCompressedMessageThatInflatesPastMaxPayloadClosesTheConnectionAsTooBig() throws Exception {
    server = EngineIoTestServer.start(new EngineIoOptions().perMessageDeflate(true).maxPayloadBytes(10_000));
    BlockingQueue<WebSocketFrame> frames = new LinkedBlockingQueue<>();
    io.vertx.core.http.WebSocketClient client = clientOfferingCompression(true);
    ClientWebSocket webSocket = client.webSocket();
    webSocket.frameHandler(frames::add);
    EngineIoTestServer.await(webSocket.connect(webSocketHandshake()));
    assertThat(frames.poll(EngineIoTestServer.WAIT_SECONDS, TimeUnit.SECONDS).textData()).startsWith("0");

    webSocket.writeTextMessage("4" + "a".repeat(5_000_000));

    WebSocketFrame close = frames.poll(EngineIoTestServer.WAIT_SECONDS, TimeUnit.SECONDS);
    while (close != null && !close.isClose()) {
      close = frames.poll(EngineIoTestServer.WAIT_SECONDS, TimeUnit.SECONDS);
    }
    assertThat(close).isNotNull();
    assertThat(close.closeStatusCode()).isEqualTo(WebSocketTransport.MESSAGE_TOO_BIG);
    EngineIoTestServer.await(client.close());
  }

  @Test
  void webSocketCompressionIsRefusedUnlessConfiguredAsInNodesEngineIo() throws Exception {
    server = EngineIoTestServer.start(new EngineIoOptions());
    io.vertx.core.http.WebSocketClient client = clientOfferingCompression(true);
    WebSocket webSocket = EngineIoTestServer.await(client.connect(webSocketHandshake()));

    assertThat(webSocket.headers().contains("Sec-WebSocket-Extensions")).as("permessage-deflate").isFalse();
    EngineIoTestServer.await(client.close());
  }

  @Test
  void aMalformedFrameClosesTheConnectionWithAParseError() throws Exception {
    server = EngineIoTestServer.start(new EngineIoOptions());
    WebSocketClient client = server.openWebSocket();
    EngineIoSocket socket = server.nextSocket();
    CompletableFuture<String> reason = EngineIoTestServer.closeReasonOf(socket);
    client.send("9nonsense");
    assertThat(client.awaitClose()).isEqualTo(WebSocketTransport.PROTOCOL_ERROR);
    assertThat(reason.get(5, TimeUnit.SECONDS)).isEqualTo(CloseReason.PARSE_ERROR);
  }

  @Test
  void anEmptyFrameClosesTheConnectionWithAParseError() throws Exception {
    server = EngineIoTestServer.start(new EngineIoOptions());
    WebSocketClient client = server.openWebSocket();
    EngineIoSocket socket = server.nextSocket();
    CompletableFuture<String> reason = EngineIoTestServer.closeReasonOf(socket);
    client.send("");
    assertThat(reason.get(5, TimeUnit.SECONDS)).isEqualTo(CloseReason.PARSE_ERROR);
  }

  @Test
  void aPingFromTheClientIsAProtocolViolation() throws Exception {
    server = EngineIoTestServer.start(new EngineIoOptions());
    WebSocketClient client = server.openWebSocket();
    EngineIoSocket socket = server.nextSocket();
    CompletableFuture<String> reason = EngineIoTestServer.closeReasonOf(socket);
    client.send("2");
    assertThat(reason.get(5, TimeUnit.SECONDS)).isEqualTo(CloseReason.TRANSPORT_ERROR);
    client.awaitClose();
  }

  @Test
  void aThrowingHandlerDoesNotBreakTheSession() throws Exception {
    BlockingQueue<String> received = new LinkedBlockingQueue<>();
    server = EngineIoTestServer.start(new EngineIoOptions(), 1, socket -> socket.textHandler(text -> {
      received.add(text);
      if (text.equals("boom")) {
        throw new IllegalStateException("handler bug");
      }
    }));
    WebSocketClient client = server.openWebSocket();
    client.send("4boom");
    client.send("4after");
    assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("boom");
    assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("after");
    assertThat(server.nextSocket().isOpen()).isTrue();
  }
}
