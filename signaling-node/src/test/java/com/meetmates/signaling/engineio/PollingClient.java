package com.meetmates.signaling.engineio;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A raw Engine.IO long-polling client over java.net.http: it speaks the wire format by hand. */
final class PollingClient {

  private static final Duration TIMEOUT = Duration.ofSeconds(EngineIoTestServer.WAIT_SECONDS);

  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(TIMEOUT)
      .build();
  private final EngineIoTestServer server;
  private String sid;
  private JsonObject handshake;

  PollingClient(EngineIoTestServer server) {
    this.server = server;
  }

  /** Opens a session; returns the open packet's JSON. */
  JsonObject open() throws Exception {
    HttpResponse<String> response = send(get("EIO=4&transport=polling"));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).startsWith("0");
    handshake = new JsonObject(response.body().substring(1));
    sid = handshake.getString("sid");
    return handshake;
  }

  /** Uses an existing session instead of opening one (a second connection of the same client). */
  void adopt(String existingSid) {
    this.sid = existingSid;
  }

  String sid() {
    return sid;
  }

  String sessionQuery() {
    return "EIO=4&transport=polling&sid=" + sid;
  }

  /** Starts a poll (GET) and returns its eventual answer. */
  CompletableFuture<HttpResponse<String>> pollAsync() {
    return http.sendAsync(get(sessionQuery()), HttpResponse.BodyHandlers.ofString());
  }

  /** Polls and waits for the answer body. */
  String poll() throws Exception {
    HttpResponse<String> response = pollAsync().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    assertThat(response.statusCode()).as("poll status, body %s", response.body()).isEqualTo(200);
    return response.body();
  }

  HttpResponse<String> post(String payload) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(server.httpUrl(sessionQuery())))
        .timeout(TIMEOUT)
        .header("Content-Type", "text/plain;charset=UTF-8")
        .POST(HttpRequest.BodyPublishers.ofString(payload))
        .build());
  }

  HttpRequest get(String query) {
    return HttpRequest.newBuilder(URI.create(server.httpUrl(query))).timeout(TIMEOUT).GET().build();
  }

  HttpResponse<String> send(HttpRequest request) throws Exception {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
