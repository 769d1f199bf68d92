package com.meetmates.signaling.node;

import io.socket.client.IO;
import io.socket.client.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.json.JSONObject;

/**
 * A real {@code io.socket:socket.io-client} socket that records every event the server sends, in order,
 * and lets a test await them one by one.
 */
final class ChatClient implements AutoCloseable {

  static final long AWAIT_SECONDS = 20;
  static final String[] WEBSOCKET_ONLY = {"websocket"};
  static final String[] DEFAULT_TRANSPORTS = null;

  /** One HTTP client for every socket of a test run: no thread pool per socket. */
  private static final OkHttpClient HTTP = sharedHttpClient();

  private final Socket socket;
  private final Map<String, BlockingQueue<Object[]>> byEvent = new ConcurrentHashMap<>();
  private final List<String> order = new ArrayList<>();
  private final CompletableFuture<String> connected = new CompletableFuture<>();
  private final CompletableFuture<Object> connectError = new CompletableFuture<>();
  private final AtomicInteger announcementsAcked = new AtomicInteger();

  private ChatClient(String url, String[] transports, Map<String, String> auth) {
    IO.Options options = new IO.Options();
    options.forceNew = true;
    options.reconnection = false;
    options.callFactory = HTTP;
    options.webSocketFactory = HTTP;
    options.auth = auth;
    if (transports != null) {
      options.transports = transports;
    }
    socket = IO.socket(URI.create(url), options);
    socket.onAnyIncoming(args -> {
      String event = (String) args[0];
      Object[] rest = Arrays.copyOfRange(args, 1, args.length);
      synchronized (order) {
        order.add(event);
      }
      queue(event).add(rest);
    });
    socket.on(Socket.EVENT_CONNECT, args -> connected.complete(socket.id()));
    socket.on(Socket.EVENT_DISCONNECT, args -> queue(Socket.EVENT_DISCONNECT).add(args));
    socket.on(Socket.EVENT_CONNECT_ERROR, args -> connectError.complete(args.length > 0 ? args[0] : null));
  }

  /** A connected client with the default transports (polling, then upgrade). */
  static ChatClient connect(String url) throws Exception {
    return connect(url, DEFAULT_TRANSPORTS, Map.of());
  }

  static ChatClient connect(String url, String[] transports, Map<String, String> auth) throws Exception {
    ChatClient client = open(url, transports, auth);
    client.connected.get(AWAIT_SECONDS, TimeUnit.SECONDS);
    return client;
  }

  /** Starts connecting without waiting (to test refusals, or to connect many at once). */
  static ChatClient open(String url, String[] transports, Map<String, String> auth) {
    ChatClient client = new ChatClient(url, transports, auth);
    client.socket.connect();
    return client;
  }

  CompletableFuture<String> connected() {
    return connected;
  }

  CompletableFuture<Object> connectError() {
    return connectError;
  }

  String id() {
    return socket.id();
  }

  void emit(String event, Object... args) {
    socket.emit(event, args);
  }

  /** Emits with an acknowledgement callback and returns the server's answer. */
  JSONObject request(String event, Object... args) throws Exception {
    CompletableFuture<JSONObject> answer = new CompletableFuture<>();
    Object[] withAck = Arrays.copyOf(args, args.length + 1);
    withAck[args.length] = (io.socket.client.Ack) response -> answer.complete((JSONObject) response[0]);
    socket.emit(event, withAck);
    return answer.get(AWAIT_SECONDS, TimeUnit.SECONDS);
  }

  /** The arguments of the next not yet taken occurrence of the event; fails if none comes in time. */
  Object[] next(String event) throws InterruptedException {
    Object[] args = queue(event).poll(AWAIT_SECONDS, TimeUnit.SECONDS);
    if (args == null) {
      throw new AssertionError(id() + ": no '" + event + "' within " + AWAIT_SECONDS + " s; got " + events());
    }
    return args;
  }

  JSONObject nextObject(String event) throws InterruptedException {
    return (JSONObject) next(event)[0];
  }

  /** Takes onlineUsers counts until one equals the expected count (the count is published only on change). */
  void awaitOnlineUsers(int expected) throws InterruptedException {
    while (!Integer.valueOf(expected).equals(next("onlineUsers")[0])) {
      continue;
    }
  }

  /**
   * From now on, announces ready-to-connect from inside the chatStart listener, as the real MeetMates
   * client does; the acknowledgements are counted.
   */
  void announceOnChatStart() {
    socket.on("chatStart", args -> socket.emit("ready-to-connect",
        (io.socket.client.Ack) response -> announcementsAcked.incrementAndGet()));
  }

  int announcementsAcked() {
    return announcementsAcked.get();
  }

  /** Forgets the occurrences of the event received so far and not taken (a client that was not listening). */
  int discard(String event) {
    List<Object[]> lost = new ArrayList<>();
    queue(event).drainTo(lost);
    return lost.size();
  }

  /** Occurrences of the event received and not yet taken. */
  int pending(String event) {
    return queue(event).size();
  }

  /** Every event received so far, in order. */
  List<String> events() {
    synchronized (order) {
      return List.copyOf(order);
    }
  }

  int received(String event) {
    return (int) events().stream().filter(event::equals).count();
  }

  void disconnect() {
    socket.disconnect();
  }

  @Override
  public void close() {
    socket.close();
  }

  private BlockingQueue<Object[]> queue(String event) {
    return byEvent.computeIfAbsent(event, e -> new LinkedBlockingQueue<>());
  }

  private static OkHttpClient sharedHttpClient() {
    Dispatcher dispatcher = new Dispatcher();
    dispatcher.setMaxRequests(10_000);
    dispatcher.setMaxRequestsPerHost(10_000);
    return new OkHttpClient.Builder().dispatcher(dispatcher).readTimeout(1, TimeUnit.MINUTES).build();
  }
}
