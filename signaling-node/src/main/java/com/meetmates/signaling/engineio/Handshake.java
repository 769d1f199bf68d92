package com.meetmates.signaling.engineio;

import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.core.MultiMap;

/**
 * What the client sent with the request that opened an Engine.IO session. It keeps the request's own
 * headers and the raw query, not copies (the request itself is let go): an idle session costs what it holds.
 */
public final class Handshake {

  private final MultiMap headers;
  private final String rawQuery;
  private final String remoteAddress;
  private final long issuedAtMillis;

  Handshake(MultiMap headers, String rawQuery, String remoteAddress, long issuedAtMillis) {
    this.headers = headers;
    this.rawQuery = rawQuery == null ? "" : rawQuery;
    this.remoteAddress = remoteAddress;
    this.issuedAtMillis = issuedAtMillis;
  }

  /** The request's headers, case-insensitive. Read them, do not change them. */
  public MultiMap headers() {
    return headers;
  }

  /** The request's query parameters, case-insensitive; decoded anew on every call. */
  public MultiMap query() {
    MultiMap query = MultiMap.caseInsensitiveMultiMap();
    new QueryStringDecoder(rawQuery, false).parameters().forEach(query::add);
    return query;
  }

  public String remoteAddress() {
    return remoteAddress;
  }

  public long issuedAtMillis() {
    return issuedAtMillis;
  }

  @Override
  public String toString() {
    return "Handshake[query=" + rawQuery + ", remoteAddress=" + remoteAddress + ", issuedAtMillis=" + issuedAtMillis + "]";
  }
}
