package com.meetmates.loadtests.ceiling;

import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The ceiling: two raw WebSockets that ask for the same {@code /pair/<key>} are joined, and every
 * frame one sends is written unchanged to the other. No protocol, no parsing, no shared state
 * beyond the pairing itself: what a signaling server on Vert.x could forward at best on this
 * machine.
 */
public final class BareForwarder extends VerticleBase {

  public static final String PAIR_PATH_PREFIX = "/pair/";
  public static final int DEFAULT_PORT = 45100;

  private final int port;
  private final ConcurrentMap<String, Waiting> waiting;
  private final AtomicInteger boundPort;

  private BareForwarder(int port, ConcurrentMap<String, Waiting> waiting, AtomicInteger boundPort) {
    this.port = port;
    this.waiting = waiting;
    this.boundPort = boundPort;
  }

  /**
   * Deploys one forwarder verticle per event loop (as many as the node under test would use), all
   * sharing the port. Port 0 binds a random free port; the future gives the port actually bound.
   */
  public static Future<Integer> deploy(Vertx vertx, int port, int instances) {
    ConcurrentMap<String, Waiting> waiting = new ConcurrentHashMap<>();
    AtomicInteger boundPort = new AtomicInteger();
    return vertx.deployVerticle(() -> new BareForwarder(port, waiting, boundPort),
        new DeploymentOptions().setInstances(instances)).map(id -> boundPort.get());
  }

  @Override
  public Future<?> start() {
    return vertx.createHttpServer(new HttpServerOptions().setTcpNoDelay(true))
        .webSocketHandler(this::accept)
        .listen(port)
        .onSuccess(server -> boundPort.set(server.actualPort()));
  }

  private void accept(ServerWebSocket socket) {
    if (!socket.path().startsWith(PAIR_PATH_PREFIX)) {
      socket.close((short) 1008, "expected " + PAIR_PATH_PREFIX + "<key>");
      return;
    }
    String key = socket.path().substring(PAIR_PATH_PREFIX.length());
    Waiting self = new Waiting(socket, context);
    Waiting first = waiting.putIfAbsent(key, self);
    if (first == null) {
      // Nothing to forward to yet: hold the first member's frames until its partner arrives.
      socket.pause();
      socket.closeHandler(closed -> waiting.remove(key, self));
      return;
    }
    waiting.remove(key, first);
    join(socket, first.socket());
    // Each socket's handlers are set on its own event loop.
    first.context().runOnContext(ignored -> {
      join(first.socket(), socket);
      first.socket().resume();
    });
  }

  private static void join(ServerWebSocket from, ServerWebSocket to) {
    from.frameHandler(frame -> {
      if (to.isClosed()) {
        return;
      }
      to.writeFrame(frame);
      if (to.writeQueueFull()) {
        from.pause();
        to.drainHandler(drained -> from.resume());
      }
    });
    from.closeHandler(closed -> to.close());
  }

  /** A first member and the event loop it lives on. */
  private record Waiting(ServerWebSocket socket, Context context) {
  }

  public static void main(String[] args) {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_PORT;
    int instances = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
    Vertx vertx = Vertx.vertx();
    deploy(vertx, port, instances)
        .onSuccess(bound -> System.out.println("bare forwarder on port " + bound + " with " + instances + " event loops, pid " + ProcessHandle.current().pid()))
        .onFailure(failure -> {
          System.err.println("bare forwarder failed to start: " + failure.getMessage());
          vertx.close();
        });
  }
}
