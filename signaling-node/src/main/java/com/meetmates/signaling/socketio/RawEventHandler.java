package com.meetmates.signaling.socketio;

import com.meetmates.signaling.json.JsonText;
import java.util.List;

/**
 * Handles one event from a client, on the socket's context, with its arguments as text: each argument's JSON
 * exactly as the client wrote it, read by the parser (so well-formed) but not built into a tree. For an
 * application that passes arguments on unchanged, which then costs no tree and no second encoding.
 */
@FunctionalInterface
public interface RawEventHandler {

  /**
   * @param args the arguments after the event name
   * @param ack answers the client's acknowledgement callback; a no-op if the client did not ask for one
   */
  void handle(List<JsonText> args, Ack ack);
}
