package com.meetmates.signaling.socketio;

import io.vertx.core.json.JsonArray;

/** Receives, on the socket's context, every event that has no {@link EventHandler} of its own. */
@FunctionalInterface
public interface UnhandledEventHandler {

  void handle(String event, JsonArray args, Ack ack);
}
