package com.meetmates.signaling.engineio;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Engine.IO v4 encoding. WebSocket: one packet per frame, text frames are the type digit plus data,
 * binary frames are raw message bytes. Polling: packets joined by the record separator, binary
 * messages written as {@code b} plus base64.
 */
final class PacketCodec {

  static final char RECORD_SEPARATOR = '\u001e';
  private static final char BINARY_MARKER = 'b';
  /** Line-wrapped base64 (the Java client ends it with a newline) is as valid as the reference finds it. */
  private static final Pattern LINE_BREAKS = Pattern.compile("[\\r\\n]");

  private PacketCodec() {
  }

  static String encodeText(Packet packet) {
    return packet.type().code() + encodeableText(packet);
  }

  private static String encodeableText(Packet packet) {
    if (packet.isBinary()) {
      throw new IllegalArgumentException("a binary message is written as a binary frame");
    }
    return packet.text();
  }

  /**
   * A text packet as a WebSocket frame's UTF-8 bytes, as {@link #encodeText(Packet)}. The JDK encodes a String
   * to UTF-8 with intrinsics (an array copy for ASCII), several times faster per relayed message than writing it
   * character by character into a pooled buffer; the frame encoder copies it once into the frame it sends.
   */
  static ByteBuf encodeTextFrame(Packet packet) {
    return Unpooled.wrappedBuffer(encodeText(packet).getBytes(StandardCharsets.UTF_8));
  }

  /** A text packet from a WebSocket frame's UTF-8 bytes, as {@link #decodeText(String)}, decoding its data once. */
  static Packet decodeText(ByteBuf utf8) {
    if (!utf8.isReadable()) {
      throw new MalformedPacketException("empty packet");
    }
    int start = utf8.readerIndex();
    PacketType type = PacketType.fromCode((char) utf8.getUnsignedByte(start));
    return new Packet(type, utf8.toString(start + 1, utf8.readableBytes() - 1, StandardCharsets.UTF_8), null);
  }

  static Packet decodeText(String encoded) {
    if (encoded.isEmpty()) {
      throw new MalformedPacketException("empty packet");
    }
    return new Packet(PacketType.fromCode(encoded.charAt(0)), encoded.substring(1), null);
  }

  static Packet decodeBinary(Buffer frame) {
    return Packet.message(frame);
  }

  /** One polling packet: as {@link #encodeText}, except a binary message becomes b + base64. */
  static String encodeForPayload(Packet packet) {
    if (packet.isBinary()) {
      return BINARY_MARKER + Base64.getEncoder().encodeToString(packet.binary().getBytes());
    }
    return encodeText(packet);
  }

  /** The first packets of a queue that fit in one polling payload, encoded. */
  record Chunk(String payload, int packetCount) {
  }

  /**
   * Encodes packets from the head of the queue, in order, while the payload stays within maxBytes
   * (UTF-8); always at least one, so that a packet larger than the limit still goes out alone.
   */
  static Chunk encodePayload(Iterable<Packet> queue, int maxBytes) {
    StringBuilder out = new StringBuilder();
    long bytes = 0;
    int count = 0;
    for (Packet packet : queue) {
      String encoded = encodeForPayload(packet);
      long size = utf8Length(encoded) + (count == 0 ? 0 : 1);
      if (count > 0 && bytes + size > maxBytes) {
        break;
      }
      if (count > 0) {
        out.append(RECORD_SEPARATOR);
      }
      out.append(encoded);
      bytes += size;
      count++;
    }
    return new Chunk(out.toString(), count);
  }

  static List<Packet> decodePayload(String payload) {
    List<Packet> packets = new ArrayList<>();
    int start = 0;
    while (true) {
      int end = payload.indexOf(RECORD_SEPARATOR, start);
      String encoded = end < 0 ? payload.substring(start) : payload.substring(start, end);
      packets.add(decodePayloadPacket(encoded));
      if (end < 0) {
        return packets;
      }
      start = end + 1;
    }
  }

  private static Packet decodePayloadPacket(String encoded) {
    if (!encoded.isEmpty() && encoded.charAt(0) == BINARY_MARKER) {
      try {
        String base64 = LINE_BREAKS.matcher(encoded).replaceAll("").substring(1);
        return Packet.message(Buffer.buffer(Base64.getDecoder().decode(base64)));
      } catch (IllegalArgumentException e) {
        throw new MalformedPacketException("invalid base64 in binary packet");
      }
    }
    return decodeText(encoded);
  }

  static long utf8Length(CharSequence text) {
    long bytes = 0;
    int length = text.length();
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }
}
