package com.meetmates.signaling.engineio;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MountingTest {

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final BlockingQueue<String> engineIoSessions = new LinkedBlockingQueue<>();
  private final BlockingQueue<String> socketIoSessions = new LinkedBlockingQueue<>();
  private Vertx vertx;
  private EngineIoServer engineIo;
  private EngineIoServer socketIo;

  @BeforeEach
  void createServers() {
    vertx = Vertx.vertx();
    EngineIoOptions engineIoOptions = new EngineIoOptions().path("/engine.io/");
    EngineIoOptions socketIoOptions = new EngineIoOptions().path("/socket.io");
    engineIo = EngineIoServer.create(vertx, engineIoOptions).connectionHandler(s -> engineIoSessions.add(s.id()));
    socketIo = EngineIoServer.create(vertx, socketIoOptions).connectionHandler(s -> socketIoSessions.add(s.id()));
  }

  @AfterEach
  void stop() throws Exception {
    EngineIoTestServer.await(vertx.close());
  }

  @Test
  void twoServersMountedOnOneRouterEachOpenTheirOwnSessions() throws Exception {
    Router router = Router.router(vertx);
    engineIo.mount(router);
    socketIo.mount(router);
    router.route("/other").handler(ctx -> ctx.response().end("other"));
    int port = listen(router::handle);
    assertBothPathsServeTheirOwnServer(port);
    assertThat(get(port, "/other").body()).isEqualTo("other");
  }

  @Test
  void twoServersChainedWithoutVertxWebEachOpenTheirOwnSessions() throws Exception {
    int port = listen(engineIo.requestHandler(socketIo.requestHandler(
        request -> request.response().setStatusCode(404).end("not here"))));
    assertBothPathsServeTheirOwnServer(port);
    HttpResponse<String> other = get(port, "/other");
    assertThat(other.statusCode()).isEqualTo(404);
    assertThat(other.body()).isEqualTo("not here");
  }

  @Test
  void postedMessagesGetThroughWhenABodyHandlerReadTheBodyFirst() throws Exception {
    BlockingQueue<String> received = new LinkedBlockingQueue<>();
    engineIo.connectionHandler(socket -> socket.textHandler(received::add));
    Router router = Router.router(vertx);
    router.route().handler(BodyHandler.create());
    engineIo.mount(router);
    int port = listen(router::handle);
    String sid = sid(get(port, "/engine.io/?EIO=4&transport=polling"));
    HttpResponse<String> post = http.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + "/engine.io/?EIO=4&transport=polling&sid=" + sid))
        .POST(HttpRequest.BodyPublishers.ofString("4one\u001e4two")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(200);
    assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("one");
    assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("two");
  }

  private void assertBothPathsServeTheirOwnServer(int port) throws Exception {
    String engineIoSid = sid(get(port, "/engine.io/?EIO=4&transport=polling"));
    String socketIoSid = sid(get(port, "/socket.io/?EIO=4&transport=polling"));
    assertThat(engineIoSessions.poll(5, TimeUnit.SECONDS)).isEqualTo(engineIoSid);
    assertThat(socketIoSessions.poll(5, TimeUnit.SECONDS)).isEqualTo(socketIoSid);
    assertThat(engineIo.clientsCount()).isEqualTo(1);
    assertThat(socketIo.clientsCount()).isEqualTo(1);
    assertThat(get(port, "/engine.io/?EIO=4&transport=polling&sid=" + socketIoSid).statusCode())
        .as("one server does not know the other's sessions").isEqualTo(400);
  }

  private int listen(io.vertx.core.Handler<io.vertx.core.http.HttpServerRequest> handler) throws Exception {
    HttpServer server = EngineIoTestServer.await(vertx.createHttpServer(new EngineIoOptions().applyTo(new HttpServerOptions()))
        .requestHandler(handler).listen(0, "127.0.0.1"));
    return server.actualPort();
  }

  private HttpResponse<String> get(int port, String pathAndQuery) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String sid(HttpResponse<String> handshake) {
    assertThat(handshake.statusCode()).isEqualTo(200);
    return new JsonObject(handshake.body().substring(1)).getString("sid");
  }
}
