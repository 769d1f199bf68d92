package com.meetmates.signaling.node;

import com.meetmates.signaling.chat.Ack;
import com.meetmates.signaling.chat.ChatService;
import com.meetmates.signaling.chat.ClientConnection;
import com.meetmates.signaling.socketio.Namespace;
import com.meetmates.signaling.socketio.SocketIoSocket;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.concurrent.Executor;

/** Connects the sockets of a Socket.IO namespace to the chat rules. */
final class SocketIoChatBinding {

  /** Socket attribute set by the handshake authentication. */
  static final String SENDER_EMAIL = "meetmates.senderEmail";
  static final String ANONYMOUS = "Anonymous";

  private SocketIoChatBinding() {
  }

  static void bind(Namespace namespace, ChatService chat) {
    namespace.onConnection(socket -> {
      Context context = Vertx.currentContext();
      Executor onSocketContext = task -> context.runOnContext(ignored -> task.run());
      String email = (String) socket.attributes().getOrDefault(SENDER_EMAIL, ANONYMOUS);
      chat.open(new SocketConnection(socket), email, onSocketContext);
      socket.onUnhandledEvent((event, args, ack) -> chat.onEvent(socket.id(), event, PlainJson.list(args),
          ack.requested() ? response -> ack.send(response) : Ack.NONE));
      socket.onDisconnect(reason -> chat.close(socket.id()));
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
