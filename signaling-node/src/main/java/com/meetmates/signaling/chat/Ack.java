package com.meetmates.signaling.chat;

import java.util.Map;

/** The acknowledgement callback a client may attach to an event; answered at most once. */
@FunctionalInterface
public interface Ack {

  Ack NONE = response -> { };

  void reply(Map<String, Object> response);

  static Map<String, Object> ok() {
    return Map.of("ok", true);
  }

  static Map<String, Object> failure(ChatError error, String message) {
    return Map.of("ok", false, "error", error.payload(message));
  }
}
