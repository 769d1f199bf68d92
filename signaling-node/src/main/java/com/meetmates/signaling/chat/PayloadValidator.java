package com.meetmates.signaling.chat;

import com.meetmates.signaling.json.JsonText;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Checks client payloads before they have any effect and returns what may be passed on. Throws
 * {@link RejectedEvent} with the code the client is told. The relayed payloads (offer, answer, candidate) arrive as
 * JSON text and leave as JSON text: checked here, never built into a tree.
 */
final class PayloadValidator {

  /** The arguments of findChat. */
  record FindChatArgs(boolean withVideo) {
  }

  private final ChatSettings settings;

  PayloadValidator(ChatSettings settings) {
    this.settings = settings;
  }

  FindChatArgs findChat(List<?> args) {
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

  String message(List<?> args) {
    if (!(arg(args, 0) instanceof String text) || text.isEmpty()) {
      throw new RejectedEvent(ChatError.INVALID_MESSAGE, "sendMessage: text must be a non-empty string");
    }
    if (text.length() > settings.maxMessageChars()) {
      throw new RejectedEvent(ChatError.INVALID_MESSAGE,
          "sendMessage: text longer than " + settings.maxMessageChars() + " characters");
    }
    return text;
  }

  /** The offer or answer as a clean {type, sdp} session description, its two strings as the client wrote them. */
  JsonText sessionDescription(List<?> args, String key, ChatError error) {
    JsonText description = arg(args, 0) instanceof JsonText envelope ? envelope.member(key) : null;
    if (description == null || !description.isObject()) {
      throw new RejectedEvent(error, key + " must be an object");
    }
    JsonText type = description.member("type");
    JsonText sdp = description.member("sdp");
    if (type == null || !type.isString() || sdp == null || !sdp.isString()) {
      throw new RejectedEvent(error, key + " must have string type and sdp");
    }
    String sdpValue = sdp.stringValue();
    if (sdpValue.length() > settings.maxSdpBytes()
        || sdpValue.getBytes(StandardCharsets.UTF_8).length > settings.maxSdpBytes()) {
      throw new RejectedEvent(error, key + ".sdp larger than " + settings.maxSdpBytes() + " bytes");
    }
    return new JsonText.ObjectBuilder(2)
        .member("type", type)
        .member("sdp", sdp)
        .build();
  }

  /** The candidate object, or {@link JsonText#NULL} (end of candidates), as the client wrote it. */
  JsonText candidate(List<?> args) {
    JsonText candidate = arg(args, 0) instanceof JsonText envelope ? envelope.member("candidate") : null;
    if (candidate == null) {
      throw new RejectedEvent(ChatError.INVALID_CANDIDATE, "ice-candidate: expected {candidate}");
    }
    if (candidate.isNull()) {
      return JsonText.NULL;
    }
    if (!candidate.isObject()) {
      throw new RejectedEvent(ChatError.INVALID_CANDIDATE, "candidate must be an object or null");
    }
    if (candidate.longerThanUtf8(settings.maxCandidateBytes())) {
      throw new RejectedEvent(ChatError.INVALID_CANDIDATE,
          "candidate larger than " + settings.maxCandidateBytes() + " bytes");
    }
    return candidate;
  }

  private static Object arg(List<?> args, int index) {
    return index < args.size() ? args.get(index) : null;
  }
}
