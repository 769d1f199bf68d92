package com.meetmates.signaling.engineio;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.List;
import java.util.Set;

/**
 * The Origin allow-list for both transports. A request without Origin (a non-browser client) and a
 * page served by the same host (Origin matching the Host header) are always allowed; any other
 * browser origin must be on the list (or the list must hold "*"), otherwise it is refused with the
 * Engine.IO Forbidden answer, which is why this is not Vert.x Web's CorsHandler.
 */
final class Cors {

  private static final String ANY = "*";
  private static final String ALLOWED_METHODS = "GET,POST,OPTIONS";

  private final boolean anyOrigin;
  private final Set<String> origins;
  private final boolean credentials;

  Cors(List<String> allowedOrigins, boolean credentials) {
    this.anyOrigin = allowedOrigins.contains(ANY);
    this.origins = Set.copyOf(allowedOrigins);
    this.credentials = credentials;
  }

  boolean allows(HttpServerRequest request) {
    String origin = request.getHeader("Origin");
    return origin == null || anyOrigin || origins.contains(origin) || sameHost(origin, request.getHeader("Host"));
  }

  private static boolean sameHost(String origin, String host) {
    int schemeEnd = origin.indexOf("://");
    return host != null && schemeEnd > 0 && origin.substring(schemeEnd + 3).equalsIgnoreCase(host);
  }

  /** Adds the CORS answer headers for an allowed origin. */
  void addHeaders(HttpServerRequest request) {
    String origin = request.getHeader("Origin");
    if (origin == null) {
      return;
    }
    HttpServerResponse response = request.response();
    if (anyOrigin && !credentials) {
      response.putHeader("Access-Control-Allow-Origin", ANY);
      return;
    }
    response.putHeader("Access-Control-Allow-Origin", origin).putHeader("Vary", "Origin");
    if (credentials) {
      response.putHeader("Access-Control-Allow-Credentials", "true");
    }
  }

  /** Answers a preflight OPTIONS request whose origin is allowed. */
  void answerPreflight(HttpServerRequest request) {
    HttpServerResponse response = request.response();
    response.putHeader("Access-Control-Allow-Methods", ALLOWED_METHODS);
    String requestedHeaders = request.getHeader("Access-Control-Request-Headers");
    if (requestedHeaders != null) {
      response.putHeader("Access-Control-Allow-Headers", requestedHeaders);
    }
    response.setStatusCode(204).end();
  }
}
