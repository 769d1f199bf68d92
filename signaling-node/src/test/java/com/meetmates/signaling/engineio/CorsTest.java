package com.meetmates.signaling.engineio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.MultiMap;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class CorsTest {

  private static final String ALLOWED = "https://meetmates.example";
  private static final String FORBIDDEN = "https://evil.example";

  @AutoClose
  private EngineIoTestServer server;

  private HttpResponse<String> handshakeFrom(String origin) throws Exception {
    PollingClient client = new PollingClient(server);
    return client.send(HttpRequest.newBuilder(URI.create(server.httpUrl("EIO=4&transport=polling")))
        .header("Origin", origin).GET().build());
  }

  @Test
  void anAllowedOriginIsEchoedWithCredentials() throws Exception {
    server = EngineIoTestServer.start(new EngineIoOptions().allowedOrigins(List.of(ALLOWED)).allowCredentials(true));
    HttpResponse<String> response = handshakeFrom(ALLOWED);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).startsWith("0{");
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ALLOWED);
    assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
    assertThat(response.headers().firstValue("Vary")).hasValue("Origin");
  }

  @Test
  void theCorsHeadersAreOnPollsAndPostsToo() throws Exception {
    server = EngineIoTestServer.start(new EngineIoOptions().allowedOrigins(List.of(ALLOWED)));
    PollingClient client = new PollingClient(server);
    client.open();
    HttpResponse<String> post = client.send(HttpRequest.newBuilder(URI.create(server.httpUrl(client.sessionQuery())))
        .header("Origin", ALLOWED).POST(HttpRequest.BodyPublishers.ofString("4hi")).build());
    assertThat(post.statusCode()).isEqualTo(200);
    assertThat(post.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ALLOWED);
  }

  @Test
  void anyOriginWithoutCredentialsIsAnsweredWithAStar() throws Exception {
    server = EngineIoTestServer.start(new EngineIoOptions().allowedOrigins(List.of("*")).allowCredentials(false));
    HttpResponse<String> response = handshakeFrom(FORBIDDEN);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
    assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
  }

  @Test
  void anyOriginWithCredentialsEchoesTheOriginBecauseBrowsersRefuseAStarWithCredentials() throws Exception {
    server = EngineIoTestServer.start(new EngineIoOptions().allowedOrigins(List.of("*")).allowCredentials(true));
    HttpResponse<String> response = handshakeFrom(FORBIDDEN);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(FORBIDDEN);
    assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
  }

  @Test
  void aForbiddenOriginIsRefusedWith403AndTheEngineIoError() throws Exception {
    server = EngineIoTestServer.start(new EngineIoOptions().allowedOrigins(List.of(ALLOWED)));
    HttpResponse<String> response = handshakeFrom(FORBIDDEN);
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(new JsonObject(response.body())).isEqualTo(new JsonObject().put("code", 4).put("message", "Forbidden"));
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    assertThat(server.engineIo.clientsCount()).isZero();
  }

  @Test
  void aPageServedByTheSameHostIsAllowedWithoutBeingListed() throws Exception {
    server = EngineIoTestServer.start(new EngineIoOptions().allowedOrigins(List.of()));
    HttpResponse<String> response = handshakeFrom("http://127.0.0.1:" + server.port);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).startsWith("0{");
  }

  @Test
  void withAnEmptyListEveryOtherOriginIsRefused() throws Exception {
    server = EngineIoTestServer.start(new EngineIoOptions().allowedOrigins(List.of()));
    assertThat(handshakeFrom(FORBIDDEN).statusCode()).isEqualTo(403);
    assertThat(handshakeFrom("http://127.0.0.1:" + (server.port + 1)).statusCode()).isEqualTo(403);
  }

  @Test
  void aRequestWithoutOriginIsNotABrowserAndIsAllowed() throws Exception {
    server = EngineIoTestServer.start(new EngineIoOptions().allowedOrigins(List.of(ALLOWED)));
    new PollingClient(server).open();
    assertThat(server.engineIo.clientsCount()).isEqualTo(1);
  }

  @Test
  void aPreflightFromAnAllowedOriginIsAnswered() throws Exception {
    server = EngineIoTestServer.start(new EngineIoOptions().allowedOrigins(List.of(ALLOWED)));
    HttpResponse<String> response = new PollingClient(server).send(
        HttpRequest.newBuilder(URI.create(server.httpUrl("EIO=4&transport=polling")))
            .header("Origin", ALLOWED)
            .header("Access-Control-Request-Method", "POST")
            .header("Access-Control-Request-Headers", "content-type")
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ALLOWED);
    assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).hasValue("GET,POST,OPTIONS");
    assertThat(response.headers().firstValue("Access-Control-Allow-Headers")).hasValue("content-type");
    assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
  }

  @Test
  void aPreflightFromAForbiddenOriginIsRefused() throws Exception {
    server = EngineIoTestServer.start(new EngineIoOptions().allowedOrigins(List.of(ALLOWED)));
    HttpResponse<String> response = new PollingClient(server).send(
        HttpRequest.newBuilder(URI.create(server.httpUrl("EIO=4&transport=polling")))
            .header("Origin", FORBIDDEN)
            .header("Access-Control-Request-Method", "POST")
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  @Test
  void aWebSocketFromAForbiddenOriginIsRefused() throws Exception {
    server = EngineIoTestServer.start(new EngineIoOptions().allowedOrigins(List.of(ALLOWED)));
    assertThatThrownBy(() -> webSocketFrom(FORBIDDEN))
        .cause().isInstanceOf(UpgradeRejectedException.class)
        .satisfies(e -> assertThat(((UpgradeRejectedException) e).getStatus()).isEqualTo(403));
  }

  @Test
  void aWebSocketFromAnAllowedOriginOpensASessionWithoutCorsHeadersWhichBrowsersIgnoreThere() throws Exception {
    server = EngineIoTestServer.start(new EngineIoOptions().allowedOrigins(List.of(ALLOWED)));
    WebSocket webSocket = webSocketFrom(ALLOWED);
    assertThat(server.nextSocket().transport()).isEqualTo("websocket");
    assertThat(webSocket.headers().names()).noneMatch(name -> name.toLowerCase().startsWith("access-control-"));
  }

  /** Kept in a field: Vert.x 5 closes a WebSocket client nobody references, and its sockets with it. */
  private io.vertx.core.http.WebSocketClient webSocketClient;

  private WebSocket webSocketFrom(String origin) throws Exception {
    webSocketClient = server.vertx.createWebSocketClient(new WebSocketClientOptions());
    return EngineIoTestServer.await(webSocketClient
        .connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(server.port)
            .setURI(server.path("EIO=4&transport=websocket"))
            .setHeaders(MultiMap.caseInsensitiveMultiMap().add("Origin", origin))));
  }
}
