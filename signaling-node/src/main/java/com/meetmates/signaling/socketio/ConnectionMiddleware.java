package com.meetmates.signaling.socketio;

/**
 * Decides whether a socket may join a namespace, typically from {@code socket.handshake().auth()};
 * it may set {@link SocketIoSocket#attributes()} for the application.
 */
@FunctionalInterface
public interface ConnectionMiddleware {

  /** Called on the socket's context; {@code next} may be called later and from any thread, once. */
  void handle(SocketIoSocket socket, Next next);

  /** The outcome of one middleware. */
  interface Next {

    /** Lets the socket go on to the next middleware, or connect if this was the last. */
    void proceed();

    /** Refuses the connection: the client gets CONNECT_ERROR {@code {"message": message}}. */
    void refuse(String message);

    /** Refuses the connection with details: CONNECT_ERROR {@code {"message": message, "data": data}}. */
    void refuse(String message, Object data);
  }
}
