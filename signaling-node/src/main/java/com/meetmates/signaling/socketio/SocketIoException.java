package com.meetmates.signaling.socketio;

/** Base of every failure this layer reports; carries no stack trace because none of them is a bug. */
public class SocketIoException extends RuntimeException {

  public SocketIoException(String message) {
    super(message, null, false, false);
  }
}
