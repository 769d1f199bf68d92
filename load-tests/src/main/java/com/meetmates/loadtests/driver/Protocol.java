package com.meetmates.loadtests.driver;

/** What the driver speaks to its target. */
public enum Protocol {
  /** Engine.IO v4 / Socket.IO v5 over WebSocket: the signaling node (or any compatible server). */
  SOCKETIO,
  /** Raw WebSocket frames through the {@link com.meetmates.loadtests.ceiling.BareForwarder}. */
  RAW
}
