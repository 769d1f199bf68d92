package com.meetmates.signaling.cluster;

import com.meetmates.signaling.chat.Delivery;
import com.meetmates.signaling.chat.Pair;
import com.meetmates.signaling.json.JsonText;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The event-bus form of the deliveries one node sends another in one event-loop turn: their count, then for each a
 * kind byte, the target socket and the delivery's fields as length-prefixed UTF-8, a relayed payload's JSON text
 * among them: it crosses as the text it is, never parsed. A JsonObject envelope cost a tree, a second serialisation
 * and a parse back per relayed message, and the target in a header a MultiMap more.
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
      writeString(buffer, relay.payload().text());
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
      case RELAY -> new Delivery.FromPartner(pairId, in.readString(), in.readString(),
          JsonText.wellFormed(in.readString()));
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
  }
}
