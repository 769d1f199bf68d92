package com.meetmates.signaling.socketio;

/**
 * An event encoded once for one namespace, to be sent to many sockets (a broadcast, a relay)
 * without encoding it again for each. Created by {@link Namespace#encode(String, Object...)}.
 */
public final class EncodedEvent {

  private final String namespace;
  private final String event;
  private final EncodedPacket packet;

  EncodedEvent(String namespace, String event, EncodedPacket packet) {
    this.namespace = namespace;
    this.event = event;
    this.packet = packet;
  }

  public String namespace() {
    return namespace;
  }

  public String event() {
    return event;
  }

  EncodedPacket packet() {
    return packet;
  }
}
