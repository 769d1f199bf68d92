package com.meetmates.signaling.socketio;

/** The rule for event names the server sends: any name but those the clients keep for themselves. */
final class EventNames {

  private EventNames() {
  }

  static String checked(String event) {
    if (event == null) {
      throw new IllegalArgumentException("event name is null");
    }
    if (PacketDecoder.RESERVED_EVENTS.contains(event)) {
      throw new IllegalArgumentException("'" + event + "' is a reserved event name");
    }
    return event;
  }
}
