package com.meetmates.signaling.chat;

import java.util.Map;

/** Codes sent to clients in the {@code error} event and in failed acknowledgements. */
public enum ChatError {
  INVALID_ARGUMENTS,
  INVALID_OFFER,
  INVALID_ANSWER,
  INVALID_CANDIDATE,
  INVALID_MESSAGE,
  NOT_PAIRED,
  RATE_LIMITED,
  UNKNOWN_EVENT,
  INTERNAL_ERROR;

  public Map<String, Object> payload(String message) {
    return Map.of("code", name(), "message", message);
  }
}
