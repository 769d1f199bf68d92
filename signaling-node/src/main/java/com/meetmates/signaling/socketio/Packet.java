package com.meetmates.signaling.socketio;

/**
 * One decoded Socket.IO packet.
 *
 * @param event the event name (EVENT and BINARY_EVENT only)
 * @param data CONNECT: the auth JsonObject or null; EVENT: the arguments after the name as a
 *     JsonArray, or as a List of JsonText when the socket takes that event raw; ACK: the JsonArray of arguments; CONNECT_ERROR: JsonObject or String; otherwise null
 */
record Packet(PacketType type, String namespace, long ackId, String event, Object data) {

  static final long NO_ACK = -1;
  static final String MAIN_NAMESPACE = "/";

  boolean wantsAck() {
    return ackId != NO_ACK;
  }
}
