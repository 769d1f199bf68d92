package com.meetmates.signaling.engineio;

/** How a session's packets reach the client. Called on the session's context only. */
interface Transport {

  String POLLING = "polling";
  String WEBSOCKET = "websocket";

  String name();

  /** Writes what the connection can take now from the session's outbound queue, in order. */
  void flush();

  /** Drops the connection without writing anything more. */
  void close();
}
