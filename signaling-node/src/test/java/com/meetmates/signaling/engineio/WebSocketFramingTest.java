package com.meetmates.signaling.engineio;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.net.impl.ConnectionBase;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the WebSocket transport does itself since it reads and writes frames on Netty's codec: the handshake
 * leaves no Vert.x handler on the connection, fragmented messages are joined up to maxPayload, client pings are
 * answered, and the server's shutdown still reaches the session.
 */
class WebSocketFramingTest {

  private static final int MAX_PAYLOAD = 1000;

  private EngineIoTestServer server;
  private Vertx clientVertx;
  private HttpServer httpServer;
  private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
  private final BlockingQueue<Channel> channels = new LinkedBlockingQueue<>();

  @AfterEach
  void stop() throws Exception {
    if (clientVertx != null) {
      EngineIoTestServer.await(clientVertx.close());
    }
    server.close();
  }

  /** A server whose HTTP connections' channels the test can look at (through Vert.x's connection class). */
  private int start() throws Exception {
    server = EngineIoTestServer.start(new EngineIoOptions().maxPayloadBytes(MAX_PAYLOAD), 1,
        socket -> socket.textHandler(received::add));
    httpServer = EngineIoTestServer.await(server.vertx.createHttpServer(server.options.applyTo(new HttpServerOptions()))
        .connectionHandler(connection -> channels.add(((ConnectionBase) connection).channel()))
        .requestHandler(server.engineIo.requestHandler(request -> request.response().setStatusCode(404).end()))
        .listen(0, "127.0.0.1"));
    clientVertx = Vertx.vertx();
    return httpServer.actualPort();
  }

  private WebSocketClient connect(int port) throws Exception {
    WebSocketClient client = WebSocketClient.connect(clientVertx, port, "/engine.io/?" + EngineIoTestServer.WEBSOCKET_QUERY);
    client.nextText();
    server.nextSocket();
    return client;
  }

  @Test
  void aWebSocketsPipelineHoldsNettysCodecAndTheTransportButNothingOfVertx() throws Exception {
    connect(start());
    Channel channel = channels.poll(EngineIoTestServer.WAIT_SECONDS, TimeUnit.SECONDS);

    List<Class<?>> handlers = channel.pipeline().toMap().values().stream().<Class<?>>map(ChannelHandler::getClass).toList();

    assertThat(handlers).last().isEqualTo(WebSocketTransport.class);
    assertThat(handlers).noneMatch(type -> type.getName().startsWith("io.vertx."));
    assertThat(channel.pipeline().toMap()).extractingFromEntries(Map.Entry::getKey)
        .contains("wsdecoder", "wsencoder", WebSocketHandover.AGGREGATOR);
  }

  @Test
  void aFragmentedMessageReachesTheHandlerWhole() throws Exception {
    WebSocketClient client = connect(start());

    client.webSocket.writeFrame(WebSocketFrame.textFrame("4hel", false));
    client.webSocket.writeFrame(WebSocketFrame.continuationFrame(Buffer.buffer("lo "), false));
    EngineIoTestServer.await(client.webSocket.writeFrame(WebSocketFrame.continuationFrame(Buffer.buffer("world"), true)));

    assertThat(received.poll(EngineIoTestServer.WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("hello world");
  }

  @Test
  void aFragmentedMessageOverMaxPayloadClosesTheConnectionAsMessageTooBig() throws Exception {
    WebSocketClient client = connect(start());
    String half = "x".repeat(MAX_PAYLOAD / 2 + 1);

    client.webSocket.writeFrame(WebSocketFrame.textFrame("4" + half, false));
    client.webSocket.writeFrame(WebSocketFrame.continuationFrame(Buffer.buffer(half), true));

    assertThat(client.awaitClose()).isEqualTo(WebSocketTransport.MESSAGE_TOO_BIG);
    assertThat(received).isEmpty();
  }

  @Test
  void aPingFrameFromTheClientIsAnsweredWithAPongCarryingItsData() throws Exception {
    WebSocketClient client = connect(start());
    CompletableFuture<Buffer> pong = new CompletableFuture<>();
    client.webSocket.pongHandler(pong::complete);

    EngineIoTestServer.await(client.webSocket.writePing(Buffer.buffer("are you there")));

    assertThat(pong.get(EngineIoTestServer.WAIT_SECONDS, TimeUnit.SECONDS).toString()).isEqualTo("are you there");
  }

  @Test
  void theClientsCloseFrameIsAnsweredAndTheConnectionEnds() throws Exception {
    WebSocketClient client = connect(start());
    Channel channel = channels.poll(EngineIoTestServer.WAIT_SECONDS, TimeUnit.SECONDS);

    client.close();

    assertThat(client.awaitClose()).isEqualTo((short) 1000);
    assertThat(channel.closeFuture().await(EngineIoTestServer.WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void theServerClosingASessionEndsTheTcpConnectionOnceTheClientAnswers() throws Exception {
    WebSocketClient client = connect(start());
    Channel channel = channels.poll(EngineIoTestServer.WAIT_SECONDS, TimeUnit.SECONDS);
    long start = System.nanoTime();

    EngineIoTestServer.await(server.engineIo.close());

    assertThat(client.awaitClose()).isEqualTo(WebSocketTransport.NORMAL_CLOSURE);
    assertThat(channel.closeFuture().await(EngineIoTestServer.WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(WebSocketTransport.CLOSE_REPLY_TIMEOUT_MS);
  }
}
