package com.meetmates.signaling.socketio;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

final class DefaultNamespace implements Namespace {

  /** What a client is told when a middleware failed instead of deciding. */
  static final String MIDDLEWARE_FAILURE_MESSAGE = "Internal server error";

  private static final Logger LOG = LoggerFactory.getLogger(DefaultNamespace.class);

  private final String name;
  private final List<ConnectionMiddleware> middlewares = new CopyOnWriteArrayList<>();
  private final List<Handler<SocketIoSocket>> connectionHandlers = new CopyOnWriteArrayList<>();
  private final ConcurrentMap<String, SocketIoSocket> sockets = new ConcurrentHashMap<>();
  private final Collection<SocketIoSocket> socketsView = Collections.unmodifiableCollection(sockets.values());

  DefaultNamespace(String name) {
    this.name = name;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Namespace use(ConnectionMiddleware middleware) {
    middlewares.add(middleware);
    return this;
  }

  @Override
  public Namespace onConnection(Handler<SocketIoSocket> handler) {
    connectionHandlers.add(handler);
    return this;
  }

  @Override
  public SocketIoSocket socket(String id) {
    return sockets.get(id);
  }

  @Override
  public Collection<SocketIoSocket> sockets() {
    return socketsView;
  }

  @Override
  public int size() {
    return sockets.size();
  }

  @Override
  public EncodedEvent encode(String event, Object... args) {
    return new EncodedEvent(name, event, PacketEncoder.event(name, Packet.NO_ACK, EventNames.checked(event), args));
  }

  @Override
  public void emit(String event, Object... args) {
    EncodedEvent encoded = encode(event, args);
    for (SocketIoSocket socket : sockets.values()) {
      socket.emit(encoded);
    }
  }

  /** A refusal by a middleware, sent to the client as CONNECT_ERROR. */
  record Refusal(String message, Object data) {
    JsonObject toPayload() {
      JsonObject payload = new JsonObject().put("message", message);
      return data == null ? payload : payload.put("data", data);
    }
  }

  /**
   * Runs the middleware chain for a socket; {@code outcome} gets null when every middleware let
   * it pass, otherwise the refusal. Called and completed on the socket's context.
   */
  void admit(DefaultSocketIoSocket socket, Consumer<Refusal> outcome) {
    runMiddleware(0, socket, outcome);
  }

  private void runMiddleware(int index, DefaultSocketIoSocket socket, Consumer<Refusal> outcome) {
    if (index == middlewares.size()) {
      outcome.accept(null);
      return;
    }
    AtomicBoolean decided = new AtomicBoolean();
    ConnectionMiddleware.Next next = new ConnectionMiddleware.Next() {
      @Override
      public void proceed() {
        if (decided.compareAndSet(false, true)) {
          socket.runOnContext(() -> runMiddleware(index + 1, socket, outcome));
        }
      }

      @Override
      public void refuse(String message) {
        refuse(message, null);
      }

      @Override
      public void refuse(String message, Object data) {
        if (decided.compareAndSet(false, true)) {
          socket.runOnContext(() -> outcome.accept(new Refusal(message, data)));
        }
      }
    };
    try {
      middlewares.get(index).handle(socket, next);
    } catch (RuntimeException e) {
      LOG.error("connection middleware of namespace {} failed for socket {}", name, socket.id(), e);
      next.refuse(MIDDLEWARE_FAILURE_MESSAGE);
    }
  }

  void add(DefaultSocketIoSocket socket) {
    sockets.put(socket.id(), socket);
  }

  void remove(DefaultSocketIoSocket socket) {
    sockets.remove(socket.id(), socket);
  }

  void fireConnection(DefaultSocketIoSocket socket) {
    for (Handler<SocketIoSocket> handler : connectionHandlers) {
      try {
        handler.handle(socket);
      } catch (RuntimeException e) {
        LOG.error("connection handler of namespace {} failed for socket {}", name, socket.id(), e);
      }
    }
  }
}
