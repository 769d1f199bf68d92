package com.meetmates.signaling.socketio;

/** The client did not acknowledge an event within the allowed time. */
public final class AckTimeoutException extends SocketIoException {

  public AckTimeoutException(String event, long timeoutMs) {
    super("no acknowledgement for '" + event + "' within " + timeoutMs + " ms");
  }
}
