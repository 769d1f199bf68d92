package com.meetmates.signaling.socketio;

import com.fasterxml.jackson.core.JsonGenerator;
import com.meetmates.signaling.json.JsonText;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Writes Vert.x JSON values (and {@link JsonText} as it is) with a Jackson generator; binary values ({@link Buffer}, byte[]) are
 * taken out as attachments and replaced by {@code {"_placeholder":true,"num":n}}.
 */
final class JsonTreeWriter {

  private final JsonGenerator generator;
  private List<Buffer> attachments;

  JsonTreeWriter(JsonGenerator generator) {
    this.generator = generator;
  }

  /** The binary values met so far, in placeholder order; empty if none. */
  List<Buffer> attachments() {
    return attachments == null ? List.of() : attachments;
  }

  void write(Object value) throws IOException {
    if (value == null) {
      generator.writeNull();
    } else if (value instanceof String s) {
      generator.writeString(s);
    } else if (value instanceof JsonText json) {
      generator.writeRawValue(json.text());
    } else if (value instanceof JsonObject object) {
      writeObject(object.getMap());
    } else if (value instanceof JsonArray array) {
      writeArray(array.getList());
    } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      generator.writeNumber(((Number) value).longValue());
    } else if (value instanceof Double || value instanceof Float) {
      generator.writeNumber(((Number) value).doubleValue());
    } else if (value instanceof Boolean b) {
      generator.writeBoolean(b);
    } else if (value instanceof Buffer buffer) {
      writePlaceholder(buffer);
    } else if (value instanceof byte[] bytes) {
      writePlaceholder(Buffer.buffer(bytes));
    } else if (value instanceof Map<?, ?> map) {
      writeObject(map);
    } else if (value instanceof Collection<?> collection) {
      writeArray(collection);
    } else if (value instanceof Object[] array) {
      writeArray(Arrays.asList(array));
    } else {
      writeOther(value);
    }
  }

  private void writeOther(Object value) throws IOException {
    if (value instanceof BigInteger big) {
      generator.writeNumber(big);
    } else if (value instanceof BigDecimal big) {
      generator.writeNumber(big);
    } else if (value instanceof CharSequence chars) {
      generator.writeString(chars.toString());
    } else if (value instanceof Enum<?> constant) {
      generator.writeString(constant.name());
    } else if (value instanceof Instant instant) {
      generator.writeString(DateTimeFormatter.ISO_INSTANT.format(instant));
    } else {
      throw new IllegalArgumentException("cannot send a " + value.getClass().getName() + " as JSON");
    }
  }

  private void writeObject(Map<?, ?> map) throws IOException {
    generator.writeStartObject();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      generator.writeFieldName(String.valueOf(entry.getKey()));
      write(entry.getValue());
    }
    generator.writeEndObject();
  }

  private void writeArray(Collection<?> items) throws IOException {
    generator.writeStartArray();
    for (Object item : items) {
      write(item);
    }
    generator.writeEndArray();
  }

  private void writePlaceholder(Buffer data) throws IOException {
    if (attachments == null) {
      attachments = new ArrayList<>(2);
    }
    generator.writeStartObject();
    generator.writeBooleanField(AttachmentSlots.PLACEHOLDER_KEY, true);
    generator.writeNumberField(AttachmentSlots.NUM_KEY, attachments.size());
    generator.writeEndObject();
    attachments.add(data);
  }
}
