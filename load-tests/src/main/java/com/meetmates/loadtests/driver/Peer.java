package com.meetmates.loadtests.driver;

import com.meetmates.loadtests.protocol.SocketIoFrames;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.WebSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One client socket of the driver. Set-up events are queued by name until awaited; during the
 * relay phase, relayed frames go straight to the relay handler without any parsing beyond a prefix.
 * Used from its group's event loop only.
 */
final class Peer {

  private static final String RELAYED_EVENT = "ice-candidate";
  /** Events the set-up steps await; anything else (onlineUsers, message) is not kept. */
  private static final Set<String> SETUP_EVENTS = Set.of(
      "waiting", "chatStart", "create-offer", "webrtc-offer", "webrtc-answer", "partnerLeft", "error");

  private final WebSocket socket;
  private final Protocol protocol;
  private final Map<String, Queue<JsonArray>> arrived = new HashMap<>();
  private final Map<String, Promise<JsonArray>> awaited = new HashMap<>();
  private final Promise<String> connected = Promise.promise();
  private Consumer<String> relayHandler = frame -> { };
  private String sid;
  private Peer partner;

  Peer(WebSocket socket, Protocol protocol) {
    this.socket = socket;
    this.protocol = protocol;
    socket.textMessageHandler(this::onFrame);
    if (protocol == Protocol.RAW) {
      connected.complete("raw");
    }
  }

  /** Completes with the Socket.IO socket id once the namespace CONNECT is acknowledged. */
  Future<String> connected() {
    return connected.future();
  }

  String sid() {
    return sid;
  }

  Peer partner() {
    return partner;
  }

  void partner(Peer partner) {
    this.partner = partner;
  }

  void relayHandler(Consumer<String> handler) {
    relayHandler = handler;
  }

  void send(String frame) {
    socket.writeTextMessage(frame);
  }

  void emit(String event, Object... args) {
    send(SocketIoFrames.event(event, args));
  }

  /** The next occurrence of {@code event}, whether it already arrived or is still to come. */
  Future<JsonArray> next(String event) {
    Queue<JsonArray> queue = arrived.get(event);
    if (queue != null && !queue.isEmpty()) {
      return Future.succeededFuture(queue.poll());
    }
    Promise<JsonArray> promise = Promise.promise();
    awaited.put(event, promise);
    return promise.future();
  }

  Future<Void> close() {
    return socket.close();
  }

  private void onFrame(String frame) {
    if (protocol == Protocol.RAW) {
      relayHandler.accept(frame);
      return;
    }
    if (SocketIoFrames.isEvent(frame, RELAYED_EVENT)) {
      relayHandler.accept(frame);
    } else if (frame.equals(SocketIoFrames.PING)) {
      send(SocketIoFrames.PONG);
    } else if (frame.startsWith(SocketIoFrames.OPEN)) {
      send(SocketIoFrames.CONNECT);
    } else if (SocketIoFrames.isConnectAck(frame)) {
      sid = new JsonObject(frame.substring(SocketIoFrames.CONNECT.length())).getString("sid");
      connected.tryComplete(sid);
    } else if (frame.startsWith(SocketIoFrames.EVENT)) {
      JsonArray args = SocketIoFrames.eventArguments(frame);
      String event = args.getString(0);
      Promise<JsonArray> promise = awaited.remove(event);
      if (promise != null) {
        promise.complete(args);
      } else if (SETUP_EVENTS.contains(event)) {
        arrived.computeIfAbsent(event, name -> new ArrayDeque<>()).add(args);
      }
    } else if (frame.startsWith("44")) {
      connected.tryFail("namespace CONNECT refused: " + frame);
    }
  }
}
