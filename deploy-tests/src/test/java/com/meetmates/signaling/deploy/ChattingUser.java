package com.meetmates.signaling.deploy;

import io.socket.client.IO;
import io.socket.client.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.json.JSONObject;

/**
 * A user of the local cluster who always wants to chat, as the MeetMates page behaves: looks for a
 * partner whenever connected and unpaired (after connecting, and after partnerLeft), and comes back
 * when its connection is closed. It keeps a journal of what happened to it, in order.
 */
final class ChattingUser implements AutoCloseable {
  static final String CONNECT = "connect";
  static final String PARTNER_LEFT = "partnerLeft";
  static final String CHAT_START = "chatStart:";
  static final String DISCONNECT = "disconnect:";
  static final String ERROR = "error:";
  private static final String SERVER_DISCONNECT = "io server disconnect";
  private static final long READ_TIMEOUT_SECONDS = 60;
  private static final long RECONNECT_DELAY_MS = 200;
  private static final long RECONNECT_DELAY_MAX_MS = 1000;

  private final String name;
  private final Socket socket;
  private final OkHttpClient http;
  private final StickyCookieJar cookies;
  private final long started = System.nanoTime();
  private final List<String> journal = new CopyOnWriteArrayList<>();
  private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
  private volatile String partner;
  private volatile boolean closing;

  private ChattingUser(String name, int balancerPort, String node, String[] transports) {
    this.name = name;
    this.cookies = new StickyCookieJar(node);
    http = new OkHttpClient.Builder()
        .readTimeout(READ_TIMEOUT_SECONDS, TimeUnit.SECONDS)
        .cookieJar(cookies)
        .build();
    IO.Options options = new IO.Options();
    options.forceNew = true;
    options.reconnection = true;
    options.reconnectionDelay = RECONNECT_DELAY_MS;
    options.reconnectionDelayMax = RECONNECT_DELAY_MAX_MS;
    options.callFactory = http;
    options.webSocketFactory = http;
    if (transports != null) {
      options.transports = transports;
    }
    socket = IO.socket(URI.create("http://127.0.0.1:" + balancerPort), options);
    socket.on(Socket.EVENT_CONNECT, args -> {
      note(CONNECT + "@" + cookies.node());
      socket.emit("findChat");
    });
    socket.on("chatStart", args -> {
      partner = ((JSONObject) args[0]).optString("partnerId", null);
      note(CHAT_START + partner);
    });
    socket.on("partnerLeft", args -> {
      partner = null;
      note(PARTNER_LEFT);
      socket.emit("findChat");
    });
    socket.on("message", args -> {
      String text = ((JSONObject) args[0]).optString("text");
      note("message:" + text);
      messages.add(text);
    });
    socket.on("error", args -> note(ERROR + (args.length > 0 ? args[0] : "")));
    socket.on(Socket.EVENT_CONNECT_ERROR, args -> note("connect_error:" + (args.length > 0 ? args[0] : "")));
    socket.on(Socket.EVENT_DISCONNECT, args -> {
      partner = null;
      String reason = args.length > 0 ? String.valueOf(args[0]) : "";
      note(DISCONNECT + reason);
      // socket.io clients do not reconnect by themselves after a server-side disconnect; a page would.
      if (SERVER_DISCONNECT.equals(reason) && !closing) {
        socket.connect();
      }
    });
  }

  /** Journal entries carry the milliseconds since the user started, to read them against the node logs. */
  private void note(String entry) {
    journal.add(entry + " +" + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) + "ms");
  }

  static ChattingUser defaultTransports(String name, int balancerPort, String node) {
    return new ChattingUser(name, balancerPort, node, null);
  }

  static ChattingUser websocketOnly(String name, int balancerPort, String node) {
    return new ChattingUser(name, balancerPort, node, new String[] {"websocket"});
  }

  ChattingUser start() {
    socket.connect();
    return this;
  }

  String name() {
    return name;
  }

  String id() {
    return socket.id();
  }

  boolean connected() {
    return socket.connected();
  }

  String partner() {
    return partner;
  }

  List<String> journal() {
    return List.copyOf(journal);
  }

  void say(String text) {
    note("say:" + text);
    socket.emit("sendMessage", text);
  }

  String nextMessage(long seconds) throws InterruptedException {
    return messages.poll(seconds, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    closing = true;
    socket.disconnect();
    socket.close();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  @Override
  public String toString() {
    return name + "(" + id() + ", partner " + partner + ", journal " + journal + ")";
  }
}
