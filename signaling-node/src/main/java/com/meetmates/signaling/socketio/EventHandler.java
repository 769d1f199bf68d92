package com.meetmates.signaling.socketio;

import io.vertx.core.json.JsonArray;

/** Handles one event from a client, on the socket's context. */
@FunctionalInterface
public interface EventHandler {

  /**
   * @param args the arguments after the event name: JsonObject, JsonArray, String, Number, Boolean,
   *     null, and Buffer for binary values
   * @param ack answers the client's acknowledgement callback; a no-op if the client did not ask for one
   */
  void handle(JsonArray args, Ack ack);
}
