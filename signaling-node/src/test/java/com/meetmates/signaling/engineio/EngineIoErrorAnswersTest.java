package com.meetmates.signaling.engineio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EngineIoErrorAnswersTest {

  private static final int MAX_PAYLOAD = 1000;

  @AutoClose
  private EngineIoTestServer server;
  private PollingClient client;

  @BeforeEach
  void start() throws Exception {
    server = EngineIoTestServer.start(new EngineIoOptions().maxPayloadBytes(MAX_PAYLOAD));
    client = new PollingClient(server);
  }

  private void assertError(HttpResponse<String> response, int status, int code, String message) {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(new JsonObject(response.body())).isEqualTo(new JsonObject().put("code", code).put("message", message));
  }

  private HttpResponse<String> get(String query) throws Exception {
    return client.send(client.get(query));
  }

  /** A Vert.x request, for what java.net.http cannot send: chunked bodies, unescaped queries. */
  private Future<HttpClientRequest> vertxRequest(HttpMethod method, String query) {
    return server.vertx.createHttpClient(new HttpClientOptions()).request(new RequestOptions()
        .setMethod(method).setHost("127.0.0.1").setPort(server.port).setURI(server.path(query)));
  }

  private void restartWith(EngineIoOptions options) throws Exception {
    server.close();
    server = EngineIoTestServer.start(options);
    client = new PollingClient(server);
  }

  @Test
  void anUnknownTransportIsCode0() throws Exception {
    assertError(get("EIO=4&transport=carrier-pigeon"), 400, 0, "Transport unknown");
  }

  @Test
  void aMissingTransportIsCode0() throws Exception {
    assertError(get("EIO=4"), 400, 0, "Transport unknown");
  }

  @Test
  void aTransportThatIsNotOfferedIsCode0() throws Exception {
    restartWith(new EngineIoOptions().transports(java.util.List.of("websocket")));
    assertError(get("EIO=4&transport=polling"), 400, 0, "Transport unknown");
  }

  @Test
  void anUnknownSessionIdIsCode1() throws Exception {
    assertError(get("EIO=4&transport=polling&sid=nobody"), 400, 1, "Session ID unknown");
  }

  @Test
  void aHandshakeByPostIsCode2() throws Exception {
    HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(server.httpUrl("EIO=4&transport=polling")))
        .POST(HttpRequest.BodyPublishers.ofString("4hello")).build());
    assertError(response, 400, 2, "Bad handshake method");
  }

  @Test
  void aWebSocketHandshakeWithoutUpgradeIsCode3() throws Exception {
    assertError(get("EIO=4&transport=websocket"), 400, 3, "Bad request");
  }

  @Test
  void aPollOnASessionThatIsOnAnotherTransportIsCode3() throws Exception {
    WebSocketClient ws = WebSocketClient.connect(server.vertx, server.port, server.path("EIO=4&transport=websocket"));
    String sid = new JsonObject(ws.nextText().substring(1)).getString("sid");
    assertError(get("EIO=4&transport=polling&sid=" + sid), 400, 3, "Bad request");
  }

  @Test
  void anUnsupportedMethodOnASessionIsCode3() throws Exception {
    client.open();
    HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(server.httpUrl(client.sessionQuery())))
        .PUT(HttpRequest.BodyPublishers.ofString("4x")).build());
    assertError(response, 400, 3, "Bad request");
  }

  @Test
  void protocolVersion3IsCode5() throws Exception {
    assertError(get("EIO=3&transport=polling"), 400, 5, "Unsupported protocol version");
  }

  @Test
  void aMissingProtocolVersionIsCode5() throws Exception {
    assertError(get("transport=polling"), 400, 5, "Unsupported protocol version");
  }

  @Test
  void aForbiddenOriginIsCode4WithHttp403() throws Exception {
    restartWith(new EngineIoOptions().allowedOrigins(java.util.List.of("https://meetmates.example")));
    HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(server.httpUrl("EIO=4&transport=polling")))
        .header("Origin", "https://evil.example").GET().build());
    assertError(response, 403, 4, "Forbidden");
  }

  @Test
  void aWebSocketHandshakeWithAnUnknownSessionIsRefused() {
    assertThatThrownBy(() -> WebSocketClient.connect(server.vertx, server.port,
        server.path("EIO=4&transport=websocket&sid=nobody")))
        .cause().isInstanceOf(UpgradeRejectedException.class)
        .satisfies(e -> {
          UpgradeRejectedException rejected = (UpgradeRejectedException) e;
          assertThat(rejected.getStatus()).isEqualTo(400);
          assertThat(new JsonObject(rejected.getBody()).getInteger("code")).isEqualTo(1);
        });
  }

  @Test
  void aWebSocketHandshakeWithProtocolVersion3IsRefused() {
    assertThatThrownBy(() -> WebSocketClient.connect(server.vertx, server.port, server.path("EIO=3&transport=websocket")))
        .cause().isInstanceOf(UpgradeRejectedException.class)
        .satisfies(e -> assertThat(new JsonObject(((UpgradeRejectedException) e).getBody()).getInteger("code")).isEqualTo(5));
  }

  @Test
  void aPostBodyOverMaxPayloadIsRefusedWith413AndEndsTheSession() throws Exception {
    client.open();
    EngineIoSocket socket = server.nextSocket();
    CompletableFuture<String> reason = EngineIoTestServer.closeReasonOf(socket);
    int status = EngineIoTestServer.await(vertxRequest(HttpMethod.POST, client.sessionQuery())
        .compose(request -> request.send(Buffer.buffer("4" + "x".repeat(MAX_PAYLOAD))))
        .map(response -> response.statusCode()));
    assertThat(status).isEqualTo(413);
    assertThat(reason.get(5, TimeUnit.SECONDS)).isEqualTo(CloseReason.TRANSPORT_ERROR);
  }

  @Test
  void aChunkedPostBodyOverMaxPayloadIsRefusedWith413() throws Exception {
    client.open();
    EngineIoSocket socket = server.nextSocket();
    CompletableFuture<String> reason = EngineIoTestServer.closeReasonOf(socket);
    int status = EngineIoTestServer.await(vertxRequest(HttpMethod.POST, client.sessionQuery())
        .compose(request -> {
          request.setChunked(true);
          request.write("4" + "x".repeat(MAX_PAYLOAD / 2));
          request.write("x".repeat(MAX_PAYLOAD / 2));
          request.end();
          return request.response();
        })
        .map(response -> response.statusCode()));
    assertThat(status).isEqualTo(413);
    assertThat(reason.get(5, TimeUnit.SECONDS)).isEqualTo(CloseReason.TRANSPORT_ERROR);
  }

  @Test
  void aPostBodyOfExactlyMaxPayloadIsAccepted() throws Exception {
    client.open();
    assertThat(client.post("4" + "x".repeat(MAX_PAYLOAD - 1)).statusCode()).isEqualTo(200);
  }

  @Test
  void aWebSocketMessageOverMaxPayloadClosesTheConnectionAndTheSession() throws Exception {
    WebSocketClient ws = server.openWebSocket();
    EngineIoSocket socket = server.nextSocket();
    CompletableFuture<String> reason = EngineIoTestServer.closeReasonOf(socket);
    ws.send("4" + "x".repeat(MAX_PAYLOAD));
    assertThat(ws.awaitClose()).isEqualTo(WebSocketTransport.MESSAGE_TOO_BIG);
    assertThat(reason.get(5, TimeUnit.SECONDS)).isEqualTo(CloseReason.TRANSPORT_ERROR);
  }

  @Test
  void aBinaryWebSocketMessageOverMaxPayloadClosesTheConnection() throws Exception {
    WebSocketClient ws = server.openWebSocket();
    ws.send(Buffer.buffer(new byte[MAX_PAYLOAD + 1]));
    assertThat(ws.awaitClose()).isEqualTo(WebSocketTransport.MESSAGE_TOO_BIG);
  }

  @Test
  void aWebSocketMessageOfExactlyMaxPayloadIsAccepted() throws Exception {
    java.util.concurrent.BlockingQueue<String> received = new java.util.concurrent.LinkedBlockingQueue<>();
    server.close();
    server = EngineIoTestServer.start(new EngineIoOptions().maxPayloadBytes(MAX_PAYLOAD), 1,
        socket -> socket.textHandler(received::add));
    WebSocketClient ws = server.openWebSocket();
    ws.send("4" + "x".repeat(MAX_PAYLOAD - 1));
    assertThat(received.poll(5, TimeUnit.SECONDS)).hasSize(MAX_PAYLOAD - 1);
  }

  @Test
  void aMalformedQueryIsABadRequestNotAServerError() throws Exception {
    CompletableFuture<Integer> status = new CompletableFuture<>();
    String body = EngineIoTestServer.await(vertxRequest(HttpMethod.GET, "EIO=4&transport=polling&sid=%zz")
        .compose(request -> request.send())
        .compose(response -> {
          status.complete(response.statusCode());
          return response.body();
        })).toString();
    assertThat(status.get()).isEqualTo(400);
    assertThat(body).doesNotContain("Exception").doesNotContain("\tat ");
  }
}
