package com.meetmates.signaling.socketio;

import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.Map;

/**
 * Where the placeholders of a binary packet sit, so that the attachments that follow the packet
 * can be put in their place without walking the tree again.
 */
final class AttachmentSlots {

  static final String PLACEHOLDER_KEY = "_placeholder";
  static final String NUM_KEY = "num";

  private final int expected;
  private final Object[] containers;
  private final Object[] positions;
  private int found;

  AttachmentSlots(int expected) {
    this.expected = expected;
    this.containers = new Object[expected];
    this.positions = new Object[expected];
  }

  int expected() {
    return expected;
  }

  /** True if the object is a placeholder (checked only in binary packets, as the reference parser does). */
  static boolean isPlaceholder(Map<String, Object> object) {
    return Boolean.TRUE.equals(object.get(PLACEHOLDER_KEY));
  }

  void recordInList(List<Object> list, int index, Map<String, Object> placeholder) {
    record(list, index, placeholder);
  }

  void recordInMap(Map<String, Object> map, String key, Map<String, Object> placeholder) {
    record(map, key, placeholder);
  }

  private void record(Object container, Object position, Map<String, Object> placeholder) {
    int num = numberOf(placeholder);
    if (containers[num] != null) {
      throw new ProtocolException("attachment " + num + " is referenced twice");
    }
    containers[num] = container;
    positions[num] = position;
    found++;
  }

  private int numberOf(Map<String, Object> placeholder) {
    if (!(placeholder.get(NUM_KEY) instanceof Integer num) || num < 0 || num >= expected) {
      throw new ProtocolException("illegal attachment placeholder " + placeholder + " for " + expected + " attachments");
    }
    return num;
  }

  /** Called once the JSON is read: every announced attachment must have its placeholder. */
  void checkComplete() {
    if (found != expected) {
      throw new ProtocolException("packet announces " + expected + " attachments but has " + found + " placeholders");
    }
  }

  @SuppressWarnings("unchecked")
  void fill(List<Buffer> attachments) {
    for (int num = 0; num < expected; num++) {
      Buffer data = attachments.get(num);
      if (containers[num] instanceof List<?> list) {
        ((List<Object>) list).set((Integer) positions[num], data);
      } else {
        ((Map<String, Object>) containers[num]).put((String) positions[num], data);
      }
    }
  }
}
