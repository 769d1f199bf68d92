package com.meetmates.signaling.socketio;

import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;

/**
 * What a socket's client sent to connect.
 *
 * @param auth the CONNECT payload ({@code auth} option of the client), empty if none
 * @param headers the HTTP headers of the request that opened the Engine.IO session
 * @param query the query parameters of that request
 * @param address the remote address of that request
 * @param issuedAtMillis when the Engine.IO session was opened
 */
public record SocketHandshake(JsonObject auth, MultiMap headers, MultiMap query, String address, long issuedAtMillis) {
}
