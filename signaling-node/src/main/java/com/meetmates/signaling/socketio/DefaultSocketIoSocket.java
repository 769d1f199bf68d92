package com.meetmates.signaling.socketio;

import com.meetmates.signaling.json.JsonText;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

final class DefaultSocketIoSocket implements SocketIoSocket {

  private static final Logger LOG = LoggerFactory.getLogger(DefaultSocketIoSocket.class);

  private enum State { CONNECTING, CONNECTED, DISCONNECTED }

  private final EngineConnection connection;
  private final DefaultNamespace namespace;
  private final String id;
  private final SocketHandshake handshake;
  /** Created by the first {@link #on}: an application may route every event through the unhandled handler. */
  private volatile Map<String, EventHandler> handlers;
  /** Created by the first {@link #onRaw}: most applications take every event as a tree. */
  private volatile Map<String, RawEventHandler> rawHandlers;
  private final List<Handler<String>> disconnectHandlers = new CopyOnWriteArrayList<>();
  private final Map<String, Object> attributes = new ConcurrentHashMap<>();
  /** Touched on the context only; created by the first emit that waits for an acknowledgement. */
  private Map<Long, PendingAck> pendingAcks;
  private volatile UnhandledEventHandler unhandledHandler;
  private volatile State state = State.CONNECTING;
  private long nextAckId;

  DefaultSocketIoSocket(EngineConnection connection, DefaultNamespace namespace, String id, SocketHandshake handshake) {
    this.connection = connection;
    this.namespace = namespace;
    this.id = id;
    this.handshake = handshake;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public Namespace namespace() {
    return namespace;
  }

  @Override
  public SocketHandshake handshake() {
    return handshake;
  }

  @Override
  public String transport() {
    return connection.transport();
  }

  @Override
  public boolean connected() {
    return state == State.CONNECTED;
  }

  @Override
  public Map<String, Object> attributes() {
    return attributes;
  }

  @Override
  public synchronized SocketIoSocket on(String event, EventHandler handler) {
    if (handlers == null) {
      handlers = new ConcurrentHashMap<>();
    }
    handlers.put(event, handler);
    return this;
  }

  @Override
  public synchronized SocketIoSocket onRaw(String event, RawEventHandler handler) {
    if (rawHandlers == null) {
      rawHandlers = new ConcurrentHashMap<>();
    }
    rawHandlers.put(event, handler);
    return this;
  }

  /** Whether that event's arguments are to be handed over as text (asked by the decoder, on the context). */
  boolean takesRaw(String event) {
    Map<String, RawEventHandler> map = rawHandlers;
    return map != null && map.containsKey(event);
  }

  @Override
  public SocketIoSocket onUnhandledEvent(UnhandledEventHandler handler) {
    this.unhandledHandler = handler;
    return this;
  }

  @Override
  public SocketIoSocket onDisconnect(Handler<String> handler) {
    disconnectHandlers.add(handler);
    return this;
  }

  @Override
  public void emit(String event, Object... args) {
    sendIfConnected(PacketEncoder.event(namespace.name(), Packet.NO_ACK, EventNames.checked(event), args));
  }

  @Override
  public void emit(EncodedEvent event) {
    if (!event.namespace().equals(namespace.name())) {
      throw new IllegalArgumentException(
          "event encoded for namespace " + event.namespace() + " sent to a socket of " + namespace.name());
    }
    sendIfConnected(event.packet());
  }

  @Override
  public Future<JsonArray> emitWithAck(String event, Object... args) {
    return emitWithAck(Duration.ofMillis(connection.defaultAckTimeoutMs()), event, args);
  }

  @Override
  public Future<JsonArray> emitWithAck(Duration timeout, String event, Object... args) {
    EventNames.checked(event);
    Promise<JsonArray> answer = Promise.promise();
    connection.runOnContext(() -> {
      if (state != State.CONNECTED) {
        answer.fail(new SocketDisconnectedException(id));
        return;
      }
      long ackId = nextAckId++;
      EncodedPacket packet;
      try {
        packet = PacketEncoder.event(namespace.name(), ackId, event, args);
      } catch (RuntimeException e) {
        answer.fail(e);
        return;
      }
      long timeoutMs = timeout.toMillis();
      if (pendingAcks == null) {
        pendingAcks = new HashMap<>();
      }
      Map<Long, PendingAck> waiting = pendingAcks;
      long timer = connection.vertx().setTimer(timeoutMs, t -> {
        if (waiting.remove(ackId) != null) {
          answer.fail(new AckTimeoutException(event, timeoutMs));
        }
      });
      waiting.put(ackId, new PendingAck(answer, timer));
      connection.send(packet);
    });
    return answer.future();
  }

  @Override
  public void disconnect() {
    disconnect(false);
  }

  @Override
  public void disconnect(boolean closeConnection) {
    connection.runOnContext(() -> {
      if (closeConnection) {
        connection.disconnectAllAndClose();
      } else if (state == State.CONNECTED) {
        leave();
        connection.forget(this);
      }
    });
  }

  void runOnContext(Runnable task) {
    connection.runOnContext(task);
  }

  /** Every middleware let the socket pass: it joins its namespace and the client learns its id. */
  void join() {
    state = State.CONNECTED;
    namespace.add(this);
    connection.send(PacketEncoder.connect(namespace.name(), new JsonObject().put("sid", id)));
    namespace.fireConnection(this);
  }

  /** Server-side leave: DISCONNECT to the client, then the disconnect handlers. */
  void leave() {
    if (state == State.CONNECTED) {
      connection.send(PacketEncoder.disconnect(namespace.name()));
      end(DisconnectReason.SERVER_NAMESPACE_DISCONNECT);
    }
  }

  /** The socket is over, for the given reason; disconnect handlers run if it had connected. */
  void end(String reason) {
    State previous = state;
    if (previous == State.DISCONNECTED) {
      return;
    }
    state = State.DISCONNECTED;
    namespace.remove(this);
    failPendingAcks();
    if (previous == State.CONNECTED) {
      for (Handler<String> handler : disconnectHandlers) {
        try {
          handler.handle(reason);
        } catch (RuntimeException e) {
          LOG.error("disconnect handler failed for socket {}", id, e);
        }
      }
    }
  }

  void onPacket(Packet packet) {
    switch (packet.type()) {
      case EVENT, BINARY_EVENT -> onEvent(packet);
      case ACK, BINARY_ACK -> onAck(packet);
      case DISCONNECT -> {
        connection.forget(this);
        end(DisconnectReason.CLIENT_NAMESPACE_DISCONNECT);
      }
      default -> LOG.debug("socket {}: unexpected {} ignored", id, packet.type());
    }
  }

  private void onEvent(Packet packet) {
    Ack ack = packet.wantsAck() ? new ClientAck(packet.ackId()) : Ack.NONE;
    if (!(packet.data() instanceof JsonArray args)) {
      onRawEvent(packet.event(), textArguments(packet), ack);
      return;
    }
    Map<String, EventHandler> map = handlers;
    EventHandler handler = map == null ? null : map.get(packet.event());
    try {
      if (handler != null) {
        handler.handle(args, ack);
      } else {
        UnhandledEventHandler fallback = unhandledHandler;
        if (fallback != null) {
          fallback.handle(packet.event(), args, ack);
        }
      }
    } catch (RuntimeException e) {
      LOG.error("handler of event '{}' failed for socket {}", packet.event(), id, e);
    }
  }

  /** The decoder kept the arguments as text because {@link #takesRaw} said so, on this same context. */
  private void onRawEvent(String event, List<JsonText> args, Ack ack) {
    try {
      rawHandlers.get(event).handle(args, ack);
    } catch (RuntimeException e) {
      LOG.error("handler of event '{}' failed for socket {}", event, id, e);
    }
  }

  @SuppressWarnings("unchecked")
  private static List<JsonText> textArguments(Packet packet) {
    return (List<JsonText>) packet.data();
  }

  private void onAck(Packet packet) {
    PendingAck pending = pendingAcks == null ? null : pendingAcks.remove(packet.ackId());
    if (pending == null) {
      LOG.debug("socket {}: acknowledgement {} matches no waiting event (late or unknown), ignored", id,
          packet.ackId());
      return;
    }
    connection.vertx().cancelTimer(pending.timer());
    pending.answer().complete((JsonArray) packet.data());
  }

  private void failPendingAcks() {
    if (pendingAcks == null || pendingAcks.isEmpty()) {
      return;
    }
    List<PendingAck> waiting = new ArrayList<>(pendingAcks.values());
    pendingAcks.clear();
    for (PendingAck pending : waiting) {
      connection.vertx().cancelTimer(pending.timer());
      pending.answer().fail(new SocketDisconnectedException(id));
    }
  }

  private void sendIfConnected(EncodedPacket packet) {
    connection.runOnContext(() -> {
      if (state == State.CONNECTED) {
        connection.send(packet);
      } else {
        LOG.debug("socket {} is not connected: packet dropped", id);
      }
    });
  }

  @Override
  public String toString() {
    return "SocketIoSocket[" + id + " " + namespace.name() + " via " + connection.engineId() + "]";
  }

  private record PendingAck(Promise<JsonArray> answer, long timer) {
  }

  /** Answers one event's acknowledgement request, once. */
  private final class ClientAck implements Ack {
    private final long ackId;
    private final AtomicBoolean sent = new AtomicBoolean();

    ClientAck(long ackId) {
      this.ackId = ackId;
    }

    @Override
    public void send(Object... args) {
      if (sent.compareAndSet(false, true)) {
        sendIfConnected(PacketEncoder.ack(namespace.name(), ackId, args));
      } else {
        LOG.debug("socket {}: acknowledgement {} already sent, ignored", id, ackId);
      }
    }

    @Override
    public boolean requested() {
      return true;
    }
  }
}
