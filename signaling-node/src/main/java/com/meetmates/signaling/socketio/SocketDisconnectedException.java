package com.meetmates.signaling.socketio;

/** The socket was (or became) disconnected before the client acknowledged an event. */
public final class SocketDisconnectedException extends SocketIoException {

  public SocketDisconnectedException(String socketId) {
    super("socket " + socketId + " is disconnected");
  }
}
