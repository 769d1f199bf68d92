package com.meetmates.signaling.node.drain;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.function.BooleanSupplier;

/**
 * Sits in front of Engine.IO and refuses new sessions while the node does not take them (draining, or out of
 * the cluster): a handshake, polling or WebSocket, gets HTTP 503 with an Engine.IO error body, and the client
 * tries again, through the load balancer, on another node. Requests of sessions that already exist pass.
 */
public final class HandshakeGate implements Handler<RoutingContext> {

  /** Engine.IO's code for a request the server refuses to serve (as Node's allowRequest refusal). */
  static final int REFUSED_CODE = 4;
  static final String MESSAGE = "This node is shutting down; connect again to reach another one";
  /** Seconds a client is told to wait before it tries again (the load balancer will have moved on by then). */
  static final String RETRY_AFTER_SECONDS = "1";
  private static final String BODY = new JsonObject().put("code", REFUSED_CODE).put("message", MESSAGE).encode();

  private final BooleanSupplier takesSessions;

  public HandshakeGate(BooleanSupplier takesSessions) {
    this.takesSessions = takesSessions;
  }

  @Override
  public void handle(RoutingContext context) {
    // Not request.getParam: Vert.x would keep the parameter map with the request, for a WebSocket's whole life.
    boolean newSession = context.queryParam("sid").isEmpty()
        && context.request().method() != HttpMethod.OPTIONS;
    if (!newSession || takesSessions.getAsBoolean()) {
      context.next();
      return;
    }
    context.response()
        .setStatusCode(503)
        .putHeader("Content-Type", "application/json")
        .putHeader("Retry-After", RETRY_AFTER_SECONDS)
        .putHeader("Connection", "close")
        .end(BODY);
  }
}
