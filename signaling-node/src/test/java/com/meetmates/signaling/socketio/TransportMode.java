package com.meetmates.signaling.socketio;

/** The three ways a stock client connects: as it comes (polling, then upgrade), WebSocket only, polling only. */
enum TransportMode {
  DEFAULT(null),
  WEBSOCKET(new String[] {"websocket"}),
  POLLING(new String[] {"polling"});

  private final String[] transports;

  TransportMode(String[] transports) {
    this.transports = transports;
  }

  /** The client's {@code transports} option, or null to leave the client's default. */
  String[] transports() {
    return transports == null ? null : transports.clone();
  }

  /** The argument the Node scenarios take. */
  String argument() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
