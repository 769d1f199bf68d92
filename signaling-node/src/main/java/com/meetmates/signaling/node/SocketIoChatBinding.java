package com.meetmates.signaling.node;

import com.meetmates.signaling.chat.Ack;
import com.meetmates.signaling.chat.ChatService;
import com.meetmates.signaling.chat.ClientConnection;
import com.meetmates.signaling.chat.Events;
import com.meetmates.signaling.engineio.ContextTasks;
import com.meetmates.signaling.node.observability.LogContext;
import com.meetmates.signaling.socketio.Namespace;
import com.meetmates.signaling.socketio.SocketIoSocket;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.Executor;

/** Connects the sockets of a Socket.IO namespace to the chat rules. */
final class SocketIoChatBinding {

  /** Socket attribute set by the handshake authentication. */
  static final String SENDER_EMAIL = "meetmates.senderEmail";
  static final String ANONYMOUS = "Anonymous";

  /** The events whose payload the chat passes on as the client wrote it: their arguments arrive as text. */
  private static final List<String> RELAYED_AS_TEXT =
      List.of(Events.WEBRTC_OFFER, Events.WEBRTC_ANSWER, Events.ICE_CANDIDATE);

  private SocketIoChatBinding() {
  }

  private static Ack chatAck(com.meetmates.signaling.socketio.Ack ack) {
    return ack.requested() ? response -> ack.send(response) : Ack.NONE;
  }

  /** Every line the chat logs for a socket carries the socket's and the node's ids (see {@link LogContext}). */
  static void bind(Namespace namespace, ChatService chat, String nodeId) {
    namespace.onConnection(socket -> {
      Context context = Vertx.currentContext();
      Executor onSocketContext = LogContext.forSocket(nodeId, socket.id(),
          task -> ContextTasks.run(context, task));
      String email = (String) socket.attributes().getOrDefault(SENDER_EMAIL, ANONYMOUS);
      chat.open(new SocketConnection(socket), email, onSocketContext);
      socket.onUnhandledEvent((event, args, ack) -> LogContext.run(nodeId, socket.id(), () ->
          chat.onEvent(socket.id(), event, PlainJson.list(args), chatAck(ack))));
      for (String relayed : RELAYED_AS_TEXT) {
        socket.onRaw(relayed, (args, ack) -> LogContext.run(nodeId, socket.id(), () ->
            chat.onEvent(socket.id(), relayed, args, chatAck(ack))));
      }
      socket.onDisconnect(reason -> LogContext.run(nodeId, socket.id(), () -> chat.close(socket.id())));
    });
  }

  private record SocketConnection(SocketIoSocket socket) implements ClientConnection {

    @Override
    public String id() {
      return socket.id();
    }

    @Override
    public void emit(String event, Object... args) {
      socket.emit(event, args);
    }

    @Override
    public void disconnect() {
      socket.disconnect(true);
    }
  }
}
