package com.meetmates.signaling.cluster;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.meetmates.signaling.chat.Delivery;
import com.meetmates.signaling.chat.Pair;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The event-bus form of the deliveries one node sends another in one event-loop turn: their count, then for each a
 * kind byte, the target socket and the delivery's fields as length-prefixed UTF-8, and a relayed payload as JSON
 * bytes written straight into the buffer. A JsonObject envelope cost a tree, a second serialisation and a parse
 * back per relayed message, and the target in a header a MultiMap more.
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
  /** Plain maps, lists, strings, numbers and booleans, as the Socket.IO layer decodes a payload. */
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> PAYLOAD = new TypeReference<>() { };

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
    try {
      JSON.writeValue(new BufferOutput(buffer), value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    buffer.setInt(lengthAt, buffer.length() - lengthAt - Integer.BYTES);
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

    Map<String, Object> readJsonObject() {
      int length = buffer.getInt(position);
      position += Integer.BYTES;
      byte[] json = buffer.getBytes(position, position + length);
      position += length;
      try {
        return JSON.readValue(json, PAYLOAD);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
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
