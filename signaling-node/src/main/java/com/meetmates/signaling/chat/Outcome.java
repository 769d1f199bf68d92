package com.meetmates.signaling.chat;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** How an accepted event ended, as told to the client's acknowledgement. */
record Outcome(Map<String, Object> ack) {

  static final Outcome OK = new Outcome(Ack.ok());
  static final Outcome NOT_PAIRED = new Outcome(Ack.failure(ChatError.NOT_PAIRED, "not in a chat"));

  static CompletionStage<Outcome> ok() {
    return CompletableFuture.completedFuture(OK);
  }

  static CompletionStage<Outcome> notPaired() {
    return CompletableFuture.completedFuture(NOT_PAIRED);
  }
}
