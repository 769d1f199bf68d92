package com.meetmates.signaling.socketio;

import com.meetmates.signaling.engineio.ContextTasks;
import com.meetmates.signaling.engineio.EngineIoSocket;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Socket.IO side of one Engine.IO session: decodes its packets, holds one socket per joined
 * namespace and routes packets to them. Everything here runs on the session's context.
 */
final class EngineConnection {

  static final String INVALID_NAMESPACE_MESSAGE = "Invalid namespace";

  private static final Logger LOG = LoggerFactory.getLogger(EngineConnection.class);
  private static final long NO_TIMER = -1;
  /** A HashMap of capacity 2 holds one entry without resizing. */
  private static final int SOCKETS_INITIAL_CAPACITY = 2;

  private final DefaultSocketIoServer server;
  private final EngineIoSocket engine;
  private final Context context;
  private final PacketDecoder decoder;
  /** One socket per joined namespace: most connections join one, so the table starts small. */
  private final Map<String, DefaultSocketIoSocket> sockets = new HashMap<>(SOCKETS_INITIAL_CAPACITY);
  private long connectTimer = NO_TIMER;
  private boolean closed;

  EngineConnection(DefaultSocketIoServer server, EngineIoSocket engine, Context context) {
    this.server = server;
    this.engine = engine;
    this.context = context;
    this.decoder = new PacketDecoder(server.options().maxPacketBytes(), server.options().maxAttachments(),
        this::takesRaw);
  }

  void start() {
    runOnContext(() -> {
      engine.textHandler(this::onText).binaryHandler(this::onBinary).closeHandler(this::onEngineClose);
      connectTimer = server.vertx().setTimer(server.options().connectTimeoutMs(), id -> onConnectTimeout());
    });
  }

  String engineId() {
    return engine.id();
  }

  String transport() {
    return engine.transport();
  }

  Context context() {
    return context;
  }

  Vertx vertx() {
    return server.vertx();
  }

  long defaultAckTimeoutMs() {
    return server.options().ackTimeoutMs();
  }

  /** Runs the task on this connection's context: at once if already there, queued (in order) otherwise. */
  void runOnContext(Runnable task) {
    ContextTasks.run(context, task);
  }

  void send(EncodedPacket packet) {
    engine.send(packet.text());
    for (Buffer attachment : packet.attachments()) {
      engine.send(attachment);
    }
  }

  /** The socket left its namespace alone; the connection stays open for the others. */
  void forget(DefaultSocketIoSocket socket) {
    sockets.remove(socket.namespace().name(), socket);
  }

  /** {@code socket.disconnect(true)}: every socket leaves with DISCONNECT, then the session is closed. */
  void disconnectAllAndClose() {
    for (DefaultSocketIoSocket socket : new ArrayList<>(sockets.values())) {
      socket.leave();
    }
    closeEngine();
  }

  /** Server shutdown: sockets end without DISCONNECT so that clients reconnect. */
  Future<Void> shutdown() {
    Promise<Void> done = Promise.promise();
    runOnContext(() -> {
      endAll(DisconnectReason.SERVER_SHUTTING_DOWN);
      done.complete();
    });
    return done.future();
  }

  private void onText(String text) {
    if (closed) {
      return;
    }
    Packet packet;
    try {
      packet = decoder.decodeText(text);
    } catch (ProtocolException e) {
      onProtocolError(e);
      return;
    }
    if (packet != null) {
      dispatch(packet);
    }
  }

  private void onBinary(Buffer data) {
    if (closed) {
      return;
    }
    Packet packet;
    try {
      packet = decoder.decodeBinary(data);
    } catch (ProtocolException e) {
      onProtocolError(e);
      return;
    }
    if (packet != null) {
      dispatch(packet);
    }
  }

  private boolean takesRaw(String namespace, String event) {
    DefaultSocketIoSocket socket = sockets.get(namespace);
    return socket != null && socket.takesRaw(event);
  }

  private void dispatch(Packet packet) {
    switch (packet.type()) {
      case CONNECT -> connect(packet.namespace(), (JsonObject) packet.data());
      case CONNECT_ERROR -> onProtocolError(new ProtocolException("CONNECT_ERROR is sent by servers only"));
      default -> {
        DefaultSocketIoSocket socket = sockets.get(packet.namespace());
        if (socket != null && socket.connected()) {
          socket.onPacket(packet);
        } else {
          LOG.debug("session {}: {} for namespace {} that it has not joined, ignored", engine.id(), packet.type(),
              packet.namespace());
        }
      }
    }
  }

  private void connect(String namespaceName, JsonObject auth) {
    DefaultNamespace namespace = server.existingNamespace(namespaceName);
    if (namespace == null) {
      send(PacketEncoder.connectError(namespaceName, new JsonObject().put("message", INVALID_NAMESPACE_MESSAGE)));
      return;
    }
    if (sockets.containsKey(namespaceName)) {
      LOG.debug("session {}: second CONNECT to namespace {} ignored", engine.id(), namespaceName);
      return;
    }
    DefaultSocketIoSocket socket = new DefaultSocketIoSocket(this, namespace, SocketIds.next(),
        new SocketHandshake(auth, engine.handshake()));
    sockets.put(namespaceName, socket);
    namespace.admit(socket, refusal -> {
      if (closed || sockets.get(namespaceName) != socket) {
        return;
      }
      if (refusal != null) {
        sockets.remove(namespaceName);
        LOG.debug("session {}: socket {} refused by namespace {}: {}", engine.id(), socket.id(), namespaceName,
            refusal.message());
        send(PacketEncoder.connectError(namespaceName, refusal.toPayload()));
        return;
      }
      cancelConnectTimer();
      socket.join();
    });
  }


  private void onConnectTimeout() {
    connectTimer = NO_TIMER;
    if (!closed && sockets.isEmpty()) {
      LOG.debug("session {}: no namespace joined within {} ms, closed", engine.id(),
          server.options().connectTimeoutMs());
      closeEngine();
    }
  }

  private void onProtocolError(ProtocolException e) {
    LOG.warn("session {} (sockets {}): protocol error, connection closed: {}", engine.id(), socketIds(),
        e.getMessage());
    endAll(DisconnectReason.PARSE_ERROR);
    closeEngine();
  }

  private void onEngineClose(String reason) {
    endAll(reason);
    closed = true;
    cancelConnectTimer();
    server.forget(this);
  }

  private void endAll(String reason) {
    List<DefaultSocketIoSocket> all = new ArrayList<>(sockets.values());
    sockets.clear();
    for (DefaultSocketIoSocket socket : all) {
      socket.end(reason);
    }
  }

  private void closeEngine() {
    closed = true;
    cancelConnectTimer();
    engine.close();
  }

  private void cancelConnectTimer() {
    if (connectTimer != NO_TIMER) {
      server.vertx().cancelTimer(connectTimer);
      connectTimer = NO_TIMER;
    }
  }

  private List<String> socketIds() {
    return sockets.values().stream().map(DefaultSocketIoSocket::id).toList();
  }
}
