package com.meetmates.signaling.socketio;

/** The seven Socket.IO v5 packet types, in wire order. */
enum PacketType {
  CONNECT,
  DISCONNECT,
  EVENT,
  ACK,
  CONNECT_ERROR,
  BINARY_EVENT,
  BINARY_ACK;

  private static final PacketType[] BY_CODE = values();

  char code() {
    return (char) ('0' + ordinal());
  }

  boolean isBinary() {
    return this == BINARY_EVENT || this == BINARY_ACK;
  }

  /** Null for a character that is no packet type. */
  static PacketType ofCode(char c) {
    int i = c - '0';
    return i >= 0 && i < BY_CODE.length ? BY_CODE[i] : null;
  }
}
