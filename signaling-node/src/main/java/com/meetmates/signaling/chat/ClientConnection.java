package com.meetmates.signaling.chat;

/** The chat's view of one connected client socket on this node. */
public interface ClientConnection {

  /** The socket id, unique across the cluster. */
  String id();

  /**
   * Sends an event with its arguments (plain Java JSON values: Map, List, String, Number, Boolean, null, and
   * {@link com.meetmates.signaling.json.JsonText} written as it is).
   */
  void emit(String event, Object... args);

  /** Closes the socket from the server side. */
  void disconnect();
}
