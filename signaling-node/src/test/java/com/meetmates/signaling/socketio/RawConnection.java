package com.meetmates.signaling.socketio;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A hand-driven Engine.IO WebSocket connection for wire-level tests: it answers pings and shows
 * the Socket.IO packets the server sends, text as String (without the Engine.IO "4"), binary as Buffer.
 */
public final class RawConnection {

  static final long WAIT_SECONDS = 10;
  private static final String ENGINE_MESSAGE = "4";
  private static final String ENGINE_PING = "2";
  private static final String ENGINE_PONG = "3";

  final String engineSessionId;
  /** Held for as long as the connection: Vert.x closes a client that is no longer referenced. */
  private final WebSocketClient client;
  private final WebSocket webSocket;
  private final BlockingQueue<Object> packets;
  private final CompletableFuture<Void> closed;

  private RawConnection(WebSocketClient client, WebSocket webSocket, String engineSessionId, BlockingQueue<Object> packets,
      CompletableFuture<Void> closed) {
    this.client = client;
    this.webSocket = webSocket;
    this.engineSessionId = engineSessionId;
    this.packets = packets;
    this.closed = closed;
  }

  static RawConnection open(SocketIoTestServer server) throws Exception {
    return open(server.vertx(), server.port(), SocketIoOptions.DEFAULT_PATH);
  }

  /** A WebSocket Engine.IO session at that path of a server on this machine. */
  public static RawConnection open(Vertx vertx, int port, String path) throws Exception {
    BlockingQueue<Object> packets = new LinkedBlockingQueue<>();
    CompletableFuture<String> open = new CompletableFuture<>();
    CompletableFuture<Void> closed = new CompletableFuture<>();
    WebSocketClient client = vertx.createWebSocketClient();
    ClientWebSocket webSocket = client.webSocket();
    webSocket.textMessageHandler(text -> {
      if (text.startsWith("0")) {
        open.complete(new JsonObject(text.substring(1)).getString("sid"));
      } else if (text.equals(ENGINE_PING)) {
        webSocket.writeTextMessage(ENGINE_PONG);
      } else if (text.startsWith(ENGINE_MESSAGE)) {
        packets.add(text.substring(1));
      }
    });
    webSocket.binaryMessageHandler(packets::add);
    webSocket.closeHandler(v -> closed.complete(null));
    await(webSocket.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
        .setURI(path + "?EIO=4&transport=websocket")));
    return new RawConnection(client, webSocket, open.get(WAIT_SECONDS, TimeUnit.SECONDS), packets, closed);
  }

  public void send(String socketIoPacket) throws Exception {
    await(webSocket.writeTextMessage(ENGINE_MESSAGE + socketIoPacket));
  }

  public void send(Buffer attachment) throws Exception {
    await(webSocket.writeBinaryMessage(attachment));
  }

  public String nextText() throws InterruptedException {
    Object packet = next();
    assertThat(packet).as("a text packet").isInstanceOf(String.class);
    return (String) packet;
  }

  Buffer nextBinary() throws InterruptedException {
    Object packet = next();
    assertThat(packet).as("a binary attachment").isInstanceOf(Buffer.class);
    return (Buffer) packet;
  }

  /** Joins the namespace and returns the socket id from the CONNECT reply. */
  public String connect(String namespace) throws Exception {
    String prefix = "0" + ("/".equals(namespace) ? "" : namespace + ",");
    send(prefix);
    String reply = nextText();
    assertThat(reply).startsWith(prefix + "{");
    return new JsonObject(reply.substring(prefix.length())).getString("sid");
  }

  /** Waits until the server closed the connection; fails if it stays open. */
  void awaitClosed() throws Exception {
    closed.get(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  /** The packets received and not yet read. */
  public java.util.List<Object> unread() {
    java.util.List<Object> rest = new java.util.ArrayList<>();
    packets.drainTo(rest);
    return rest;
  }

  public void close() throws Exception {
    await(client.close());
  }

  private Object next() throws InterruptedException {
    Object packet = packets.poll(WAIT_SECONDS, TimeUnit.SECONDS);
    assertThat(packet).as("a packet within " + WAIT_SECONDS + " s").isNotNull();
    return packet;
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
  }
}
