package com.meetmates.signaling.cluster;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.meetmates.signaling.chat.Delivery;
import com.meetmates.signaling.chat.Pair;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The event-bus form of the deliveries one node sends another in one event-loop turn: their count, then for each a
 * kind byte, the target socket and the delivery's fields as length-prefixed UTF-8, and a relayed payload as JSON
 * bytes written and read with Jackson's streaming API. A JsonObject envelope cost a tree, a data-bind
 * serialisation and a parse back per relayed message, and the target in a header a MultiMap more.
 */
final class DeliveryCodec implements MessageCodec<DeliveryCodec.Batch, DeliveryCodec.Batch> {

  static final String NAME = "meetmates.deliveries";

  /** A delivery and the socket of the receiving node it is for. */
  record Addressed(String socketId, Delivery delivery) {
  }

  /** Deliveries to one node, in the order they were sent. */
  record Batch(List<Addressed> deliveries) {
  }

  private static final byte RELAY = 1;
  private static final byte ANNOUNCED = 2;
  private static final byte STARTED = 3;
  private static final byte ENDED = 4;
  private static final JsonFactory JSON = new JsonFactory();

  @Override
  public void encodeToWire(Buffer buffer, Batch batch) {
    buffer.appendInt(batch.deliveries().size());
    for (Addressed addressed : batch.deliveries()) {
      encode(buffer, addressed);
    }
  }

  @Override
  public Batch decodeFromWire(int position, Buffer buffer) {
    Reader in = new Reader(buffer, position);
    int count = in.readInt();
    List<Addressed> deliveries = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      deliveries.add(decode(in));
    }
    return new Batch(deliveries);
  }

  /** Within one node the deliveries are handed over as they are: their records are immutable. */
  @Override
  public Batch transform(Batch batch) {
    return batch;
  }

  private static void encode(Buffer buffer, Addressed addressed) {
    Delivery delivery = addressed.delivery();
    if (delivery instanceof Delivery.FromPartner relay) {
      buffer.appendByte(RELAY);
      writeString(buffer, addressed.socketId());
      writeString(buffer, relay.pairId());
      writeString(buffer, relay.from());
      writeString(buffer, relay.event());
      writeJson(buffer, relay.payload());
    } else if (delivery instanceof Delivery.Announced announced) {
      buffer.appendByte(ANNOUNCED);
      writeString(buffer, addressed.socketId());
      writeString(buffer, announced.pairId());
      writeString(buffer, announced.memberId());
      writeBoolean(buffer, announced.bothReadyNow());
    } else if (delivery instanceof Delivery.PairStarted started) {
      Pair pair = started.pair();
      buffer.appendByte(STARTED);
      writeString(buffer, addressed.socketId());
      writeString(buffer, pair.pairId());
      writeString(buffer, pair.initiatorId());
      writeString(buffer, pair.initiatorNode());
      writeString(buffer, pair.partnerId());
      writeString(buffer, pair.partnerNode());
      writeBoolean(buffer, pair.withVideo());
    } else {
      Delivery.PairEnded ended = (Delivery.PairEnded) delivery;
      buffer.appendByte(ENDED);
      writeString(buffer, addressed.socketId());
      writeString(buffer, ended.pairId());
      writeString(buffer, ended.leaverId());
      writeBoolean(buffer, ended.requeue());
    }
  }

  private static Addressed decode(Reader in) {
    byte kind = in.readByte();
    String socketId = in.readString();
    String pairId = in.readString();
    Delivery delivery = switch (kind) {
      case RELAY -> new Delivery.FromPartner(pairId, in.readString(), in.readString(), in.readJsonObject());
      case ANNOUNCED -> new Delivery.Announced(pairId, in.readString(), in.readBoolean());
      case STARTED -> new Delivery.PairStarted(new Pair(pairId, in.readString(), in.readString(), in.readString(),
          in.readString(), in.readBoolean()));
      case ENDED -> new Delivery.PairEnded(pairId, in.readString(), in.readBoolean());
      default -> throw new IllegalArgumentException("unknown delivery kind: " + kind);
    };
    return new Addressed(socketId, delivery);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public byte systemCodecID() {
    return -1;
  }

  private static void writeString(Buffer buffer, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    buffer.appendInt(bytes.length).appendBytes(bytes);
  }

  private static void writeBoolean(Buffer buffer, boolean value) {
    buffer.appendByte(value ? (byte) 1 : (byte) 0);
  }

  private static void writeJson(Buffer buffer, Object value) {
    int lengthAt = buffer.length();
    buffer.appendInt(0);
    try (JsonGenerator generator = JSON.createGenerator(new BufferOutput(buffer))) {
      writeValue(generator, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    buffer.setInt(lengthAt, buffer.length() - lengthAt - Integer.BYTES);
  }

  private static void writeValue(JsonGenerator generator, Object value) throws IOException {
    if (value == null) {
      generator.writeNull();
    } else if (value instanceof String text) {
      generator.writeString(text);
    } else if (value instanceof Map<?, ?> map) {
      generator.writeStartObject();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        generator.writeFieldName(String.valueOf(entry.getKey()));
        writeValue(generator, entry.getValue());
      }
      generator.writeEndObject();
    } else if (value instanceof Collection<?> items) {
      generator.writeStartArray();
      for (Object item : items) {
        writeValue(generator, item);
      }
      generator.writeEndArray();
    } else if (value instanceof Boolean flag) {
      generator.writeBoolean(flag);
    } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      generator.writeNumber(((Number) value).longValue());
    } else if (value instanceof Double || value instanceof Float) {
      generator.writeNumber(((Number) value).doubleValue());
    } else if (value instanceof BigInteger big) {
      generator.writeNumber(big);
    } else if (value instanceof BigDecimal big) {
      generator.writeNumber(big);
    } else {
      throw new IllegalArgumentException("cannot send a " + value.getClass().getName() + " to another node");
    }
  }

  /** Reads the fields of one message in order. */
  private static final class Reader {
    private final Buffer buffer;
    private int position;

    Reader(Buffer buffer, int position) {
      this.buffer = buffer;
      this.position = position;
    }

    int readInt() {
      int value = buffer.getInt(position);
      position += Integer.BYTES;
      return value;
    }

    byte readByte() {
      return buffer.getByte(position++);
    }

    boolean readBoolean() {
      return readByte() != 0;
    }

    String readString() {
      int length = buffer.getInt(position);
      position += Integer.BYTES;
      String value = buffer.getString(position, position + length, StandardCharsets.UTF_8.name());
      position += length;
      return value;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> readJsonObject() {
      int length = buffer.getInt(position);
      position += Integer.BYTES;
      byte[] json = buffer.getBytes(position, position + length);
      position += length;
      try (JsonParser parser = JSON.createParser(json)) {
        Object value = readValue(parser, parser.nextToken());
        if (!(value instanceof Map)) {
          throw new IllegalArgumentException("relayed payload is not a JSON object");
        }
        return (Map<String, Object>) value;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private static Object readValue(JsonParser parser, JsonToken token) throws IOException {
      if (token == null) {
        throw new IllegalArgumentException("truncated JSON payload");
      }
      return switch (token) {
        case START_OBJECT -> {
          Map<String, Object> entries = new LinkedHashMap<>();
          while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            entries.put(key, readValue(parser, parser.nextToken()));
          }
          yield entries;
        }
        case START_ARRAY -> {
          List<Object> items = new ArrayList<>();
          JsonToken next;
          while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
            items.add(readValue(parser, next));
          }
          yield items;
        }
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
        default -> throw new IllegalArgumentException("unexpected JSON token " + token);
      };
    }
  }

  /** Lets Jackson write straight into the event-bus buffer. */
  private static final class BufferOutput extends OutputStream {
    private final Buffer buffer;

    BufferOutput(Buffer buffer) {
      this.buffer = buffer;
    }

    @Override
    public void write(int b) {
      buffer.appendByte((byte) b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      buffer.appendBytes(bytes, offset, length);
    }
  }
}
