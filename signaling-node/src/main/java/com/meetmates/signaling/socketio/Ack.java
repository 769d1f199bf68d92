package com.meetmates.signaling.socketio;

/** The answer to a client's acknowledgement callback. Only the first {@link #send} counts. */
public interface Ack {

  /** The answer to an event sent without a callback: it goes nowhere. */
  Ack NONE = new Ack() {
    @Override
    public void send(Object... args) {
    }

    @Override
    public boolean requested() {
      return false;
    }
  };

  /** Sends the acknowledgement with these arguments (same types as event arguments); safe from any thread. */
  void send(Object... args);

  /** Whether the client asked for an acknowledgement. */
  boolean requested();
}
