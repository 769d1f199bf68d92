package com.meetmates.signaling.engineio;

/** The seven Engine.IO v4 packet types, each written as one ASCII digit. */
enum PacketType {
  OPEN('0'),
  CLOSE('1'),
  PING('2'),
  PONG('3'),
  MESSAGE('4'),
  UPGRADE('5'),
  NOOP('6');

  /** values() copies the array on every call; decoding looks a type up per packet. */
  private static final PacketType[] BY_CODE = values();

  private final char code;

  PacketType(char code) {
    this.code = code;
  }

  char code() {
    return code;
  }

  static PacketType fromCode(char code) {
    int index = code - '0';
    if (index < 0 || index >= BY_CODE.length) {
      throw new MalformedPacketException("unknown packet type '" + code + "'");
    }
    return BY_CODE[index];
  }
}
