package com.meetmates.signaling.engineio;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A raw WebSocket client (Vert.x) that records every frame it receives, text as String, binary as Buffer. */
final class WebSocketClient {

  private static final int MAX_MESSAGE_BYTES = 4_000_000;

  /** Held so that Vert.x does not close an unreachable client, and its WebSocket with it. */
  private final io.vertx.core.http.WebSocketClient client;
  final WebSocket webSocket;
  private final BlockingQueue<Object> frames = new LinkedBlockingQueue<>();
  final CompletableFuture<Short> closed = new CompletableFuture<>();

  private WebSocketClient(io.vertx.core.http.WebSocketClient client, ClientWebSocket webSocket) {
    this.client = client;
    this.webSocket = webSocket;
    webSocket.textMessageHandler(frames::add);
    webSocket.binaryMessageHandler(frames::add);
    webSocket.closeHandler(v -> closed.complete(webSocket.closeStatusCode()));
    // Without it, closing the client's Vertx waits 30 s for this WebSocket to close by itself.
    webSocket.shutdownHandler(v -> webSocket.close());
  }

  static WebSocketClient connect(Vertx vertx, int port, String uri) throws Exception {
    io.vertx.core.http.WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions()
        .setMaxFrameSize(MAX_MESSAGE_BYTES)
        .setMaxMessageSize(MAX_MESSAGE_BYTES));
    // Handlers are installed before the handshake: a frame that arrives in the same read as the 101 answer
    // (the server writes its open packet right after it) is delivered before a completion callback could run.
    WebSocketClient connected = new WebSocketClient(client, client.webSocket());
    EngineIoTestServer.await(((ClientWebSocket) connected.webSocket).connect(new WebSocketConnectOptions()
        .setHost("127.0.0.1").setPort(port).setURI(uri)));
    return connected;
  }

  String nextText() throws InterruptedException {
    Object frame = frames.poll(EngineIoTestServer.WAIT_SECONDS, TimeUnit.SECONDS);
    assertThat(frame).as("a text frame").isInstanceOf(String.class);
    return (String) frame;
  }

  Buffer nextBinary() throws InterruptedException {
    Object frame = frames.poll(EngineIoTestServer.WAIT_SECONDS, TimeUnit.SECONDS);
    assertThat(frame).as("a binary frame").isInstanceOf(Buffer.class);
    return (Buffer) frame;
  }

  /** Skips server pings until a non-ping text frame arrives. */
  String nextTextIgnoringPings() throws InterruptedException {
    String text = nextText();
    while (text.equals("2")) {
      text = nextText();
    }
    return text;
  }

  void send(String text) throws Exception {
    EngineIoTestServer.await(webSocket.writeTextMessage(text));
  }

  void send(Buffer binary) throws Exception {
    EngineIoTestServer.await(webSocket.writeBinaryMessage(binary));
  }

  short awaitClose() throws Exception {
    return closed.get(EngineIoTestServer.WAIT_SECONDS, TimeUnit.SECONDS);
  }

  void close() throws Exception {
    EngineIoTestServer.await(webSocket.close());
  }
}
