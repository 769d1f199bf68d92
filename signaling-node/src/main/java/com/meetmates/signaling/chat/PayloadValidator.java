package com.meetmates.signaling.chat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks client payloads before they have any effect and returns what may be passed on. Throws
 * {@link RejectedEvent} with the code the client is told.
 */
final class PayloadValidator {

  /** The arguments of findChat. */
  record FindChatArgs(boolean withVideo) {
  }

  private final ChatSettings settings;

  PayloadValidator(ChatSettings settings) {
    this.settings = settings;
  }

  FindChatArgs findChat(List<Object> args) {
    Object email = arg(args, 0);
    Object withVideo = arg(args, 1);
    if (email != null && !(email instanceof String)) {
      throw new RejectedEvent(ChatError.INVALID_ARGUMENTS, "findChat: email must be a string");
    }
    if (withVideo != null && !(withVideo instanceof Boolean)) {
      throw new RejectedEvent(ChatError.INVALID_ARGUMENTS, "findChat: withVideo must be a boolean");
    }
    return new FindChatArgs(Boolean.TRUE.equals(withVideo));
  }

  String message(List<Object> args) {
    if (!(arg(args, 0) instanceof String text) || text.isEmpty()) {
      throw new RejectedEvent(ChatError.INVALID_MESSAGE, "sendMessage: text must be a non-empty string");
    }
    if (text.length() > settings.maxMessageChars()) {
      throw new RejectedEvent(ChatError.INVALID_MESSAGE,
          "sendMessage: text longer than " + settings.maxMessageChars() + " characters");
    }
    return text;
  }

  /** The offer or answer as a clean {type, sdp} session description. */
  Map<String, Object> sessionDescription(List<Object> args, String key, ChatError error) {
    if (!(arg(args, 0) instanceof Map<?, ?> envelope) || !(envelope.get(key) instanceof Map<?, ?> description)) {
      throw new RejectedEvent(error, key + " must be an object");
    }
    if (!(description.get("type") instanceof String type) || !(description.get("sdp") instanceof String sdp)) {
      throw new RejectedEvent(error, key + " must have string type and sdp");
    }
    if (sdp.length() > settings.maxSdpBytes()
        || sdp.getBytes(StandardCharsets.UTF_8).length > settings.maxSdpBytes()) {
      throw new RejectedEvent(error, key + ".sdp larger than " + settings.maxSdpBytes() + " bytes");
    }
    Map<String, Object> clean = new LinkedHashMap<>();
    clean.put("type", type);
    clean.put("sdp", sdp);
    return clean;
  }

  /** The candidate object, or null (end of candidates). */
  Object candidate(List<Object> args) {
    if (!(arg(args, 0) instanceof Map<?, ?> envelope) || !envelope.containsKey("candidate")) {
      throw new RejectedEvent(ChatError.INVALID_CANDIDATE, "ice-candidate: expected {candidate}");
    }
    Object candidate = envelope.get("candidate");
    if (candidate != null && !(candidate instanceof Map)) {
      throw new RejectedEvent(ChatError.INVALID_CANDIDATE, "candidate must be an object or null");
    }
    if (JsonSize.exceeds(candidate, settings.maxCandidateBytes())) {
      throw new RejectedEvent(ChatError.INVALID_CANDIDATE,
          "candidate larger than " + settings.maxCandidateBytes() + " bytes");
    }
    return candidate;
  }

  private static Object arg(List<Object> args, int index) {
    return index < args.size() ? args.get(index) : null;
  }
}
