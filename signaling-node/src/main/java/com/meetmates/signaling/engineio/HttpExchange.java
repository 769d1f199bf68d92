package com.meetmates.signaling.engineio;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A polling request and the event-loop thread it arrived on. Its answer is written on that thread: the
 * session deciding the answer may live on another event loop, and an HttpServer in strict thread mode
 * (see {@link EngineIoOptions#applyTo}) refuses a write from any thread but the connection's own.
 */
final class HttpExchange {

  private final HttpServerRequest request;
  private final Context context;
  private final Thread thread;

  private HttpExchange(HttpServerRequest request, Context context, Thread thread) {
    this.request = request;
    this.context = context;
    this.thread = thread;
  }

  /** Call on the context Vert.x handed the request over on. */
  static HttpExchange ofCurrent(HttpServerRequest request) {
    Context context = Objects.requireNonNull(Vertx.currentContext(), "an HTTP request is handled on a Vert.x context");
    return new HttpExchange(request, context, Thread.currentThread());
  }

  HttpServerRequest request() {
    return request;
  }

  /** Writes the answer on the request's thread: at once when already there, otherwise queued to it. */
  void respond(Consumer<HttpServerResponse> write) {
    if (Thread.currentThread() == thread) {
      write.accept(request.response());
    } else {
      context.runOnContext(v -> write.accept(request.response()));
    }
  }
}
