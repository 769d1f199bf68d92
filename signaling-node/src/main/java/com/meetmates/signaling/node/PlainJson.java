package com.meetmates.signaling.node;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns Vert.x JSON trees into the plain Map/List values the chat rules work with. */
final class PlainJson {

  private PlainJson() {
  }

  static List<Object> list(JsonArray array) {
    List<Object> plain = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      plain.add(value(array.getValue(i)));
    }
    return plain;
  }

  static Object value(Object value) {
    if (value instanceof JsonObject object) {
      Map<String, Object> plain = new LinkedHashMap<>();
      for (String key : object.fieldNames()) {
        plain.put(key, value(object.getValue(key)));
      }
      return plain;
    }
    if (value instanceof JsonArray array) {
      return list(array);
    }
    if (value instanceof Map<?, ?> map) {
      return value(new JsonObject(castMap(map)));
    }
    if (value instanceof List<?> list) {
      return list(new JsonArray(new ArrayList<>(list)));
    }
    return value;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castMap(Map<?, ?> map) {
    return (Map<String, Object>) map;
  }
}
