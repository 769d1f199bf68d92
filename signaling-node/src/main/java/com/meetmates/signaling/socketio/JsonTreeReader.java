package com.meetmates.signaling.socketio;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.meetmates.signaling.json.JsonText;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the JSON part of a packet straight into Vert.x JSON values with Jackson's streaming parser
 * (no intermediate tree, no databind), from an offset of the packet text.
 */
final class JsonTreeReader {

  /** Deeper documents are refused; real clients send a few levels at most. */
  static final int MAX_NESTING_DEPTH = 64;

  /** Packets up to this size are parsed from a per-thread buffer instead of a fresh copy. */
  private static final int REUSED_BUFFER_CHARS = 8 * 1024;

  private static final JsonFactory FACTORY = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
      .build();

  private static final ThreadLocal<char[]> BUFFER = ThreadLocal.withInitial(() -> new char[REUSED_BUFFER_CHARS]);

  private JsonTreeReader() {
  }

  /** An EVENT payload: its name, then its arguments as a JsonArray, or as a List of JsonText when taken raw. */
  record EventPayload(String event, Object args) {
  }

  /** Reads one JSON value that fills the text from {@code offset} to its end. */
  static Object readValue(String text, int offset, AttachmentSlots slots) {
    try (JsonParser parser = parserFor(text, offset)) {
      Object value = readAny(parser, parser.nextToken(), slots);
      expectEnd(parser);
      return value;
    } catch (IOException | RuntimeException e) {
      throw asProtocolError(e);
    }
  }

  /**
   * Reads an EVENT payload, {@code ["name", args...]}, splitting the name from the arguments; the arguments of a
   * text packet ({@code slots} null) for an event that {@code rawEvents} names are kept as their text.
   */
  static EventPayload readEvent(String text, int offset, AttachmentSlots slots, String namespace,
      PacketDecoder.RawEvents rawEvents) {
    try (JsonParser parser = parserFor(text, offset)) {
      if (parser.nextToken() != JsonToken.START_ARRAY) {
        throw new ProtocolException("event payload is not an array");
      }
      JsonToken nameToken = parser.nextToken();
      if (nameToken != JsonToken.VALUE_STRING && nameToken != JsonToken.VALUE_NUMBER_INT
          && nameToken != JsonToken.VALUE_NUMBER_FLOAT) {
        throw new ProtocolException("event name is not a string");
      }
      String event = parser.getText();
      Object args = slots == null && rawEvents.takesRaw(namespace, event)
          ? readArgumentTexts(parser, text, offset)
          : new JsonArray(readArrayItems(parser, slots));
      expectEnd(parser);
      return new EventPayload(event, args);
    } catch (IOException | RuntimeException e) {
      throw asProtocolError(e);
    }
  }

  /**
   * Each remaining item of the array as a range of the packet text: the parser checks it and skips it, building
   * nothing.
   */
  private static List<JsonText> readArgumentTexts(JsonParser parser, String text, int offset) throws IOException {
    List<JsonText> args = new ArrayList<>(1);
    JsonToken token;
    while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
      if (token == null) {
        throw new ProtocolException("truncated JSON payload");
      }
      int start = offset + (int) parser.currentTokenLocation().getCharOffset();
      if (token.isStructStart()) {
        parser.skipChildren();
      } else {
        parser.finishToken();
      }
      int end = offset + (int) parser.currentLocation().getCharOffset();
      args.add(JsonText.wellFormed(text, start, end));
    }
    return args;
  }

  private static JsonParser parserFor(String text, int offset) throws IOException {
    int length = text.length() - offset;
    char[] chars = length <= REUSED_BUFFER_CHARS ? BUFFER.get() : new char[length];
    text.getChars(offset, text.length(), chars, 0);
    return FACTORY.createParser(chars, 0, length);
  }

  private static void expectEnd(JsonParser parser) throws IOException {
    if (parser.nextToken() != null) {
      throw new ProtocolException("unexpected data after the JSON payload");
    }
  }

  private static ProtocolException asProtocolError(Exception e) {
    if (e instanceof ProtocolException protocolException) {
      return protocolException;
    }
    return new ProtocolException("invalid JSON payload: " + e.getMessage());
  }

  private static Object readAny(JsonParser parser, JsonToken token, AttachmentSlots slots) throws IOException {
    if (token == null) {
      throw new ProtocolException("truncated JSON payload");
    }
    return switch (token) {
      case START_OBJECT -> new JsonObject(readObjectEntries(parser, slots));
      case START_ARRAY -> new JsonArray(readArrayItems(parser, slots));
      case VALUE_STRING -> parser.getText();
      case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
        case INT -> parser.getIntValue();
        case LONG -> parser.getLongValue();
        default -> parser.getBigIntegerValue();
      };
      case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NULL -> null;
      default -> throw new ProtocolException("unexpected JSON token " + token);
    };
  }

  private static Map<String, Object> readObjectEntries(JsonParser parser, AttachmentSlots slots) throws IOException {
    Map<String, Object> entries = new LinkedHashMap<>();
    JsonToken token;
    while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      Object value = readAny(parser, parser.nextToken(), slots);
      entries.put(key, value);
      if (slots != null && value instanceof JsonObject object && AttachmentSlots.isPlaceholder(object.getMap())) {
        slots.recordInMap(entries, key, object.getMap());
      }
    }
    if (token != JsonToken.END_OBJECT) {
      throw new ProtocolException("truncated JSON object");
    }
    return entries;
  }

  private static List<Object> readArrayItems(JsonParser parser, AttachmentSlots slots) throws IOException {
    List<Object> items = new ArrayList<>();
    JsonToken token;
    while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
      Object value = readAny(parser, token, slots);
      items.add(value);
      if (slots != null && value instanceof JsonObject object && AttachmentSlots.isPlaceholder(object.getMap())) {
        slots.recordInList(items, items.size() - 1, object.getMap());
      }
    }
    return items;
  }
}
