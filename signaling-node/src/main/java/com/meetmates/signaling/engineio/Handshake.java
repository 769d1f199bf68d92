package com.meetmates.signaling.engineio;

import io.vertx.core.MultiMap;

/** What the client sent with the request that opened an Engine.IO session. */
public record Handshake(MultiMap headers, MultiMap query, String remoteAddress, long issuedAtMillis) {
}
