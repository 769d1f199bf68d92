package com.meetmates.signaling.node.process;

import io.socket.client.Ack;
import io.socket.client.IO;
import io.socket.client.Socket;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.json.JSONObject;

/**
 * One user: a real {@code io.socket:socket.io-client} over WebSocket, connected straight to one node (no
 * balancer), that records every event with the moment it arrived and how its connection ended.
 */
final class ChatUser implements AutoCloseable {

  static final long AWAIT_SECONDS = 20;
  private static final String[] WEBSOCKET_ONLY = {"websocket"};
  /** One HTTP client for every socket of a run: no thread pool per user. */
  private static final OkHttpClient HTTP = sharedHttpClient();
  private static final BrowserLikeClose WEBSOCKETS = new BrowserLikeClose(HTTP);

  /** An event as received, with {@link System#nanoTime()} at its arrival. */
  record Received(String event, Object[] args, long atNanos) {

    /** A string field of the event's first argument (an object), or null. */
    String field(String name) {
      return ((JSONObject) args[0]).optString(name, null);
    }
  }

  /** How the connection ended: the client's reason and {@link System#nanoTime()} at that moment. */
  record Disconnect(String reason, long atNanos) {
  }

  private final Socket socket;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final CompletableFuture<String> connected = new CompletableFuture<>();
  private final CompletableFuture<Disconnect> disconnected = new CompletableFuture<>();
  private final String nodeUrl;

  private ChatUser(String nodeUrl) {
    this.nodeUrl = nodeUrl;
    IO.Options options = new IO.Options();
    options.forceNew = true;
    options.reconnection = false;
    options.transports = WEBSOCKET_ONLY;
    options.callFactory = HTTP;
    options.webSocketFactory = WEBSOCKETS;
    socket = IO.socket(URI.create(nodeUrl), options);
    socket.onAnyIncoming(args ->
        received.add(new Received((String) args[0], Arrays.copyOfRange(args, 1, args.length), System.nanoTime())));
    socket.on(Socket.EVENT_CONNECT, args -> connected.complete(socket.id()));
    socket.on(Socket.EVENT_CONNECT_ERROR, args -> connected.completeExceptionally(
        new IllegalStateException("cannot connect to " + nodeUrl + ": " + Arrays.toString(args))));
    socket.on(Socket.EVENT_DISCONNECT, args ->
        disconnected.complete(new Disconnect(args.length > 0 ? String.valueOf(args[0]) : "", System.nanoTime())));
  }

  /** Starts connecting; see {@link #awaitConnected()}. */
  static ChatUser open(String nodeUrl) {
    ChatUser user = new ChatUser(nodeUrl);
    user.socket.connect();
    return user;
  }

  void awaitConnected() throws Exception {
    connected.get(AWAIT_SECONDS, TimeUnit.SECONDS);
  }

  /** The socket id the server gave (kept after a disconnect, when the client forgets it). */
  String id() {
    return connected.getNow(null);
  }

  String nodeUrl() {
    return nodeUrl;
  }

  /** findChat with an acknowledgement: returns once the server has queued or matched this user. */
  void findChat() throws Exception {
    CompletableFuture<JSONObject> answer = new CompletableFuture<>();
    socket.emit("findChat", "user@example.com", true, (Ack) response -> answer.complete((JSONObject) response[0]));
    JSONObject reply = answer.get(AWAIT_SECONDS, TimeUnit.SECONDS);
    if (!reply.optBoolean("ok")) {
      throw new AssertionError(id() + ": findChat refused: " + reply);
    }
  }

  void sendMessage(String text) {
    socket.emit("sendMessage", text);
  }

  /** Any event, as a buggy or hostile client may send it: no acknowledgement asked. */
  void send(String event, Object... args) {
    socket.emit(event, args);
  }

  List<Received> received(String event) {
    return received.stream().filter(r -> r.event().equals(event)).toList();
  }

  int count(String event) {
    return received(event).size();
  }

  /** The partner named by the latest chatStart, or null before any. */
  String partner() {
    List<Received> starts = received("chatStart");
    return starts.isEmpty() ? null : starts.get(starts.size() - 1).field("partnerId");
  }

  List<String> messageTexts() {
    return received("message").stream().map(r -> r.field("text")).toList();
  }

  CompletableFuture<Disconnect> disconnected() {
    return disconnected;
  }

  @Override
  public void close() {
    socket.close();
  }

  @Override
  public String toString() {
    return id() + "@" + nodeUrl;
  }

  private static OkHttpClient sharedHttpClient() {
    Dispatcher dispatcher = new Dispatcher();
    dispatcher.setMaxRequests(1000);
    dispatcher.setMaxRequestsPerHost(1000);
    return new OkHttpClient.Builder().dispatcher(dispatcher).readTimeout(1, TimeUnit.MINUTES).build();
  }
}
