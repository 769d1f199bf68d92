package com.meetmates.signaling.socketio;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The application the client tests talk to, built only on the public API: echo, auth, questions
 * to the client, server-side disconnect, closing every session as a draining node does, a refusing
 * middleware and a second namespace. It records what the server saw so that tests can check the
 * server side too.
 */
final class TestApp {

  static final String ADMIN_NAMESPACE = "/admin";
  static final String REFUSED_TOKEN = "forbidden";
  static final String REFUSAL_MESSAGE = "Not authorized";
  static final String REFUSAL_CODE = "FORBIDDEN";

  /** Disconnect reason of every socket that ended, by socket id. */
  final Map<String, String> disconnectReasons = new ConcurrentHashMap<>();
  final AtomicInteger unknownEvents = new AtomicInteger();

  void install(SocketIoServer server) {
    Namespace main = server.namespace("/");
    main.use((socket, next) -> {
      String token = socket.handshake().auth().getString("token");
      if (REFUSED_TOKEN.equals(token)) {
        next.refuse(REFUSAL_MESSAGE, new JsonObject().put("code", REFUSAL_CODE));
      } else {
        socket.attributes().put("token", token == null ? "" : token);
        next.proceed();
      }
    });
    main.onConnection(socket -> onMainConnection(server, socket));
    server.namespace(ADMIN_NAMESPACE).onConnection(socket -> {
      track(socket);
      socket.on("echo", (args, ack) -> socket.emit("echo", prepend("admin", args)));
    });
  }

  private void onMainConnection(SocketIoServer server, SocketIoSocket socket) {
    track(socket);
    socket.on("echo", (args, ack) -> {
      Object[] values = args.getList().toArray();
      socket.emit("echo", values);
      ack.send(values);
    });
    socket.on("auth", (args, ack) -> ack.send(socket.handshake().auth(), socket.id(), socket.attributes().get("token")));
    socket.on("ask", (args, ack) -> socket.emitWithAck("question", args.getList().toArray()).onComplete(answer -> {
      if (answer.succeeded()) {
        socket.emit("answer", answer.result().getList().toArray());
      } else {
        socket.emit("answer-failed", answer.cause().getMessage());
      }
    }));
    socket.on("disconnect-me", (args, ack) -> socket.disconnect());
    socket.on("close-server", (args, ack) -> server.close());
    socket.onUnhandledEvent((event, args, ack) -> {
      unknownEvents.incrementAndGet();
      ack.send(new JsonObject().put("unknown", event));
    });
  }

  private void track(SocketIoSocket socket) {
    socket.onDisconnect(reason -> disconnectReasons.put(socket.id(), reason));
  }

  private static Object[] prepend(String first, JsonArray args) {
    Object[] values = new Object[args.size() + 1];
    values[0] = first;
    for (int i = 0; i < args.size(); i++) {
      values[i + 1] = args.getValue(i);
    }
    return values;
  }
}
