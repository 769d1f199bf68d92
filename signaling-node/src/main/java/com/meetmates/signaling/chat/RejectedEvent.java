package com.meetmates.signaling.chat;

/** A client event refused before it had any effect; carries what the client is told. */
public final class RejectedEvent extends RuntimeException {

  private final ChatError error;

  public RejectedEvent(ChatError error, String message) {
    super(message, null, false, false);
    this.error = error;
  }

  public ChatError error() {
    return error;
  }
}
