package com.meetmates.signaling.engineio;

import io.vertx.core.buffer.Buffer;

/**
 * One Engine.IO packet. A MESSAGE carries either {@code text} or {@code binary}; the other types carry
 * at most a short text (e.g. "probe").
 */
record Packet(PacketType type, String text, Buffer binary) {

  static final Packet CLOSE = new Packet(PacketType.CLOSE, "", null);
  static final Packet PING = new Packet(PacketType.PING, "", null);
  static final Packet NOOP = new Packet(PacketType.NOOP, "", null);
  static final Packet PONG_PROBE = new Packet(PacketType.PONG, "probe", null);

  static Packet open(String handshakeJson) {
    return new Packet(PacketType.OPEN, handshakeJson, null);
  }

  static Packet message(String text) {
    return new Packet(PacketType.MESSAGE, text, null);
  }

  static Packet message(Buffer binary) {
    return new Packet(PacketType.MESSAGE, null, binary);
  }

  boolean isBinary() {
    return binary != null;
  }

  /** What this packet costs in an outbound buffer: bytes of binary data, characters of text. */
  long weight() {
    return isBinary() ? binary.length() : text.length() + 1L;
  }
}
