package com.meetmates.signaling.engineio;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/** The error answers of the reference server: HTTP 400 (403 for Forbidden) with {"code","message"}. */
enum EngineIoError {
  UNKNOWN_TRANSPORT(0, "Transport unknown"),
  UNKNOWN_SID(1, "Session ID unknown"),
  BAD_HANDSHAKE_METHOD(2, "Bad handshake method"),
  BAD_REQUEST(3, "Bad request"),
  FORBIDDEN(4, "Forbidden"),
  UNSUPPORTED_PROTOCOL_VERSION(5, "Unsupported protocol version");

  private final String message;
  private final String body;

  EngineIoError(int code, String message) {
    this.message = message;
    this.body = new JsonObject().put("code", code).put("message", message).encode();
  }

  String message() {
    return message;
  }

  int httpStatus() {
    return this == FORBIDDEN ? 403 : 400;
  }

  /** Answers on the request's own thread (see {@link HttpExchange}). */
  void answer(HttpExchange exchange) {
    exchange.respond(this::answer);
  }

  void answer(HttpServerResponse response) {
    if (response.ended() || response.closed()) {
      return;
    }
    response.setStatusCode(httpStatus())
        .putHeader("Content-Type", "application/json")
        .end(body);
  }
}
