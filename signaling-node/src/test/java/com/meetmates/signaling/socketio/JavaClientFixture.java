package com.meetmates.signaling.socketio;

import io.socket.client.IO;
import io.socket.client.Manager;
import io.socket.client.Socket;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okhttp3.WebSocket;
import okio.ByteString;

/**
 * Real {@code io.socket:socket.io-client} sockets for one test, on one OkHttp client whose
 * Engine.IO pongs can be dropped on the wire (both transports) to make the client look dead.
 */
final class JavaClientFixture implements AutoCloseable {

  static final long AWAIT_SECONDS = 15;
  private static final long CLIENT_READ_TIMEOUT_SECONDS = 60;
  private static final long RECONNECTION_DELAY_MS = 100;
  private static final String PONG = "3";
  private static final String RECORD_SEPARATOR = "\u001e";

  private final AtomicBoolean dropPongs = new AtomicBoolean();
  private final OkHttpClient http;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();

  JavaClientFixture() {
    http = new OkHttpClient.Builder()
        .readTimeout(CLIENT_READ_TIMEOUT_SECONDS, TimeUnit.SECONDS)
        .addInterceptor(this::dropPongsFromPolls)
        .build();
  }

  /** Options for a fresh connection (no shared manager) with the given transports and auth. */
  IO.Options options(TransportMode mode, Map<String, String> auth) {
    IO.Options options = new IO.Options();
    options.forceNew = true;
    options.reconnectionDelay = RECONNECTION_DELAY_MS;
    options.reconnectionDelayMax = RECONNECTION_DELAY_MS;
    options.randomizationFactor = 0;
    options.auth = auth;
    options.callFactory = http;
    options.webSocketFactory = (request, listener) -> new PongDroppingWebSocket(http.newWebSocket(request, listener));
    String[] transports = mode.transports();
    if (transports != null) {
      options.transports = transports;
    }
    return options;
  }

  /** A socket to {@code url + namespace}, recorded, not yet connected. */
  RecordedSocket socket(String url, TransportMode mode, Map<String, String> auth) throws Exception {
    return record(IO.socket(URI.create(url), options(mode, auth)));
  }

  /** A manager on which several namespace sockets share one connection. */
  Manager manager(String url, TransportMode mode) {
    return new Manager(URI.create(url), options(mode, Map.of()));
  }

  RecordedSocket record(Socket socket) {
    sockets.add(socket);
    return new RecordedSocket(socket);
  }

  /** From now on the client's pongs never reach the server, until {@link #deliverPongs()}. */
  void dropPongs() {
    dropPongs.set(true);
  }

  void deliverPongs() {
    dropPongs.set(false);
  }

  @Override
  public void close() {
    sockets.forEach(Socket::close);
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  private Response dropPongsFromPolls(Interceptor.Chain chain) throws java.io.IOException {
    Request request = chain.request();
    if (!dropPongs.get() || !"POST".equals(request.method()) || request.body() == null) {
      return chain.proceed(request);
    }
    okio.Buffer body = new okio.Buffer();
    request.body().writeTo(body);
    String kept = Arrays.stream(body.readUtf8().split(RECORD_SEPARATOR))
        .filter(packet -> !packet.equals(PONG))
        .collect(Collectors.joining(RECORD_SEPARATOR));
    if (kept.isEmpty()) {
      return new Response.Builder().request(request).protocol(Protocol.HTTP_1_1).code(200).message("OK")
          .body(ResponseBody.create(MediaType.parse("text/html"), "ok")).build();
    }
    return chain.proceed(request.newBuilder()
        .post(okhttp3.RequestBody.create(request.body().contentType(), kept)).build());
  }

  /** A WebSocket that loses the client's pongs while they are being dropped. */
  private final class PongDroppingWebSocket implements WebSocket {
    private final WebSocket delegate;

    PongDroppingWebSocket(WebSocket delegate) {
      this.delegate = delegate;
    }

    @Override
    public Request request() {
      return delegate.request();
    }

    @Override
    public long queueSize() {
      return delegate.queueSize();
    }

    @Override
    public boolean send(String text) {
      return dropPongs.get() && PONG.equals(text) || delegate.send(text);
    }

    @Override
    public boolean send(ByteString bytes) {
      return delegate.send(bytes);
    }

    @Override
    public boolean close(int code, String reason) {
      return delegate.close(code, reason);
    }

    @Override
    public void cancel() {
      delegate.cancel();
    }
  }

  /** A client socket whose events are queued by name, to be awaited in order. */
  static final class RecordedSocket {
    final Socket socket;
    private final Map<String, BlockingQueue<Object[]>> received = new ConcurrentHashMap<>();

    RecordedSocket(Socket socket) {
      this.socket = socket;
    }

    /** Starts recording this event (call before the event can arrive). */
    RecordedSocket listen(String... events) {
      for (String event : events) {
        socket.on(event, args -> queue(event).add(args));
      }
      return this;
    }

    RecordedSocket connect() {
      socket.connect();
      return this;
    }

    /** The arguments of the next occurrence of the event; fails if none comes in time. */
    Object[] next(String event) throws InterruptedException {
      Object[] args = queue(event).poll(AWAIT_SECONDS, TimeUnit.SECONDS);
      if (args == null) {
        throw new AssertionError("no '" + event + "' within " + AWAIT_SECONDS + " s");
      }
      return args;
    }

    private BlockingQueue<Object[]> queue(String event) {
      return received.computeIfAbsent(event, e -> new LinkedBlockingQueue<>());
    }
  }
}
