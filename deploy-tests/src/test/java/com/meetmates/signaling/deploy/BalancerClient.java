package com.meetmates.signaling.deploy;

import io.socket.client.IO;
import io.socket.client.Socket;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;

/**
 * A real io.socket client that talks to the local cluster through HAProxy and keeps cookies as a
 * browser does, starting with the balancer's cookie set to the node it should land on.
 */
final class BalancerClient implements AutoCloseable {
  static final long AWAIT_SECONDS = 20;
  private static final long READ_TIMEOUT_SECONDS = 60;

  private final Socket socket;
  private final OkHttpClient http;
  private final List<String> requestedUrls = new CopyOnWriteArrayList<>();
  private final Map<String, BlockingQueue<Object[]>> received = new ConcurrentHashMap<>();
  private final Map<String, Object[]> latest = new ConcurrentHashMap<>();

  private BalancerClient(int balancerPort, String node, String[] transports) {
    http = new OkHttpClient.Builder()
        .readTimeout(READ_TIMEOUT_SECONDS, TimeUnit.SECONDS)
        .cookieJar(new StickyCookieJar(node))
        .addInterceptor(chain -> {
          requestedUrls.add(chain.request().url().toString());
          return chain.proceed(chain.request());
        })
        .build();
    IO.Options options = new IO.Options();
    options.forceNew = true;
    options.reconnection = false;
    options.callFactory = http;
    options.webSocketFactory = http;
    if (transports != null) {
      options.transports = transports;
    }
    socket = IO.socket(URI.create("http://127.0.0.1:" + balancerPort), options);
  }

  /** A client with the socket.io defaults: long-polling first, then the upgrade to WebSocket. */
  static BalancerClient defaultTransports(int balancerPort, String node) {
    return new BalancerClient(balancerPort, node, null);
  }

  static BalancerClient websocketOnly(int balancerPort, String node) {
    return new BalancerClient(balancerPort, node, new String[] {"websocket"});
  }

  static BalancerClient pollingOnly(int balancerPort, String node) {
    return new BalancerClient(balancerPort, node, new String[] {"polling"});
  }

  BalancerClient listen(String... events) {
    for (String event : events) {
      BlockingQueue<Object[]> queue = received.computeIfAbsent(event, name -> new LinkedBlockingQueue<>());
      socket.on(event, arguments -> {
        latest.put(event, arguments);
        queue.add(arguments);
      });
    }
    return this;
  }

  BalancerClient connect() throws InterruptedException {
    BlockingQueue<Object[]> connected = new LinkedBlockingQueue<>();
    socket.once(Socket.EVENT_CONNECT, connected::add);
    socket.connect();
    if (connected.poll(AWAIT_SECONDS, TimeUnit.SECONDS) == null) {
      throw new AssertionError("no connection through the balancer within " + AWAIT_SECONDS + " s");
    }
    return this;
  }

  void emit(String event, Object... arguments) {
    socket.emit(event, arguments);
  }

  /** The arguments of the next `event`, or an AssertionError when none arrives in time. */
  Object[] next(String event) throws InterruptedException {
    Object[] arguments = received.get(event).poll(AWAIT_SECONDS, TimeUnit.SECONDS);
    if (arguments == null) {
      throw new AssertionError("no " + event + " within " + AWAIT_SECONDS + " s");
    }
    return arguments;
  }

  /** The first argument of the last `event` received so far, or null before the first one. */
  Object lastArgument(String event) {
    Object[] arguments = latest.get(event);
    return arguments == null || arguments.length == 0 ? null : arguments[0];
  }

  String id() {
    return socket.id();
  }

  List<String> requestedUrls() {
    return requestedUrls;
  }

  @Override
  public void close() {
    socket.disconnect();
    socket.close();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
