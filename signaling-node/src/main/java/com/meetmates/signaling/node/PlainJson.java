package com.meetmates.signaling.node;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;

/**
 * Turns the Vert.x JSON tree of a received event into the plain Map/List values the chat rules work with. The
 * tree was decoded for this one handler call, so its maps and lists are reused rather than copied (a copy per
 * relayed message was a tenth of the relay's CPU time): only the JsonObject/JsonArray wrappers found inside them
 * are replaced by the map or list they wrap.
 */
final class PlainJson {

  private PlainJson() {
  }

  static List<Object> list(JsonArray array) {
    List<Object> items = array.getList();
    unwrapItems(items);
    return items;
  }

  private static Object unwrap(Object value) {
    if (value instanceof JsonObject object) {
      Map<String, Object> entries = object.getMap();
      unwrapValues(entries);
      return entries;
    }
    if (value instanceof JsonArray array) {
      return list(array);
    }
    if (value instanceof Map<?, ?> map) {
      unwrapValues(castMap(map));
    } else if (value instanceof List<?> list) {
      unwrapItems(castList(list));
    }
    return value;
  }

  private static void unwrapValues(Map<String, Object> entries) {
    for (Map.Entry<String, Object> entry : entries.entrySet()) {
      Object value = entry.getValue();
      if (isStructure(value)) {
        Object plain = unwrap(value);
        if (plain != value) {
          entry.setValue(plain);
        }
      }
    }
  }

  private static void unwrapItems(List<Object> items) {
    for (ListIterator<Object> it = items.listIterator(); it.hasNext(); ) {
      Object value = it.next();
      if (isStructure(value)) {
        Object plain = unwrap(value);
        if (plain != value) {
          it.set(plain);
        }
      }
    }
  }

  private static boolean isStructure(Object value) {
    return value instanceof JsonObject || value instanceof JsonArray || value instanceof Map || value instanceof List;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castMap(Map<?, ?> map) {
    return (Map<String, Object>) map;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> castList(List<?> list) {
    return (List<Object>) list;
  }
}
