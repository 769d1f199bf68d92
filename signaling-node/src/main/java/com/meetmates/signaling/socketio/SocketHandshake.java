package com.meetmates.signaling.socketio;

import com.meetmates.signaling.engineio.Handshake;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;

/**
 * What a socket's client sent to connect: the CONNECT payload, and the request that opened its Engine.IO
 * session (held once, by that session, not copied per socket).
 */
public final class SocketHandshake {

  private final JsonObject auth;
  private final Handshake engine;

  SocketHandshake(JsonObject auth, Handshake engine) {
    this.auth = auth;
    this.engine = engine;
  }

  /** The CONNECT payload ({@code auth} option of the client); a new empty object if there was none. */
  public JsonObject auth() {
    return auth != null ? auth : new JsonObject();
  }

  /** The HTTP headers of the request that opened the Engine.IO session. Read them, do not change them. */
  public MultiMap headers() {
    return engine.headers();
  }

  /** The query parameters of that request, decoded anew on every call. */
  public MultiMap query() {
    return engine.query();
  }

  /** The remote address of that request. */
  public String address() {
    return engine.remoteAddress();
  }

  /** When the Engine.IO session was opened. */
  public long issuedAtMillis() {
    return engine.issuedAtMillis();
  }
}
