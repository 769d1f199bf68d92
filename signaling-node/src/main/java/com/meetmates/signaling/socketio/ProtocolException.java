package com.meetmates.signaling.socketio;

/** A packet that breaks the Socket.IO v5 protocol; the connection that sent it is closed. */
public final class ProtocolException extends SocketIoException {

  public ProtocolException(String message) {
    super(message);
  }
}
