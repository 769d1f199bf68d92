package com.meetmates.signaling.chat;

import java.util.List;
import java.util.Map;

/** Estimates the JSON size of a plain Java JSON value, stopping as soon as a bound is passed. */
final class JsonSize {

  private static final int SCALAR_BYTES = 8;
  private static final int STRUCTURE_BYTES = 2;

  private JsonSize() {
  }

  static boolean exceeds(Object value, int limit) {
    return measure(value, limit) > limit;
  }

  private static long measure(Object value, long budget) {
    if (value instanceof String text) {
      return text.length() + 2L;
    }
    long size = STRUCTURE_BYTES;
    if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        size += String.valueOf(entry.getKey()).length() + 3L + measure(entry.getValue(), budget - size);
        if (size > budget) {
          return size;
        }
      }
      return size;
    }
    if (value instanceof List<?> list) {
      for (Object element : list) {
        size += 1 + measure(element, budget - size);
        if (size > budget) {
          return size;
        }
      }
      return size;
    }
    return SCALAR_BYTES;
  }
}
