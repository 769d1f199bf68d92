package com.meetmates.signaling.socketio;

import com.meetmates.signaling.engineio.EngineIoServer;
import com.meetmates.signaling.engineio.EngineIoSocket;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

final class DefaultSocketIoServer implements SocketIoServer {

  private final Vertx vertx;
  private final EngineIoServer engine;
  private final SocketIoOptions options;
  private final ConcurrentMap<String, DefaultNamespace> namespaces = new ConcurrentHashMap<>();
  private final Set<EngineConnection> connections = ConcurrentHashMap.newKeySet();

  DefaultSocketIoServer(Vertx vertx, EngineIoServer engine, SocketIoOptions options) {
    this.vertx = vertx;
    this.engine = engine;
    this.options = options;
    namespace(Packet.MAIN_NAMESPACE);
    options.namespaces().forEach(this::namespace);
    engine.connectionHandler(this::onEngineConnection);
  }

  @Override
  public Namespace namespace(String name) {
    String normalized = name.startsWith("/") ? name : "/" + name;
    return namespaces.computeIfAbsent(normalized, DefaultNamespace::new);
  }

  /** Null for a namespace nobody created: such a CONNECT is refused. */
  DefaultNamespace existingNamespace(String name) {
    return namespaces.get(name);
  }

  @Override
  public SocketIoServer mount(Router router) {
    engine.mount(router);
    return this;
  }

  @Override
  public EngineIoServer engine() {
    return engine;
  }

  @Override
  public Future<Void> close() {
    List<Future<Void>> shutdowns = connections.stream().map(EngineConnection::shutdown).toList();
    return Future.join(shutdowns).transform(ignored -> engine.close());
  }

  SocketIoOptions options() {
    return options;
  }

  Vertx vertx() {
    return vertx;
  }

  void forget(EngineConnection connection) {
    connections.remove(connection);
  }

  private void onEngineConnection(EngineIoSocket socket) {
    Context context = Vertx.currentContext();
    EngineConnection connection = new EngineConnection(this, socket, context != null ? context : vertx.getOrCreateContext());
    connections.add(connection);
    connection.start();
  }
}
