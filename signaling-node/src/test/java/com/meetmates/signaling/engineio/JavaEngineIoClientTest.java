package com.meetmates.signaling.engineio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.socket.engineio.client.Socket;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The real Java Engine.IO client (io.socket:engine.io-client, the one under socket.io-client 2.1) against the server. */
class JavaEngineIoClientTest {

  private static final long PING_INTERVAL_MS = 300;
  private static final long PING_TIMEOUT_MS = 1000;
  private static final long CLOSE_NOTICED_WITHIN_SECONDS = 2;

  private EngineIoTestServer server;
  private Socket client;
  private final BlockingQueue<Object> clientReceived = new LinkedBlockingQueue<>();
  private final CompletableFuture<Void> clientOpened = new CompletableFuture<>();
  private final CompletableFuture<Object> clientClosed = new CompletableFuture<>();

  @AfterEach
  void stop() throws Exception {
    if (client != null) {
      client.close();
    }
    server.close();
  }

  private void startEchoServer() throws Exception {
    server = EngineIoTestServer.start(new EngineIoOptions().pingIntervalMs(PING_INTERVAL_MS).pingTimeoutMs(PING_TIMEOUT_MS),
        2, socket -> {
          socket.textHandler(text -> socket.send("echo:" + text));
          socket.binaryHandler(binary -> socket.send(Buffer.buffer().appendBuffer(binary).appendBuffer(binary)));
        });
  }

  private void connect(String transports) throws Exception {
    Socket.Options options = new Socket.Options();
    options.transports = transports.split(",");
    options.path = server.options.path();
    client = new Socket("http://127.0.0.1:" + server.port, options);
    client.on(Socket.EVENT_OPEN, args -> clientOpened.complete(null));
    client.on(Socket.EVENT_MESSAGE, args -> clientReceived.add(args[0]));
    client.on(Socket.EVENT_CLOSE, args -> clientClosed.complete(args.length > 0 ? args[0] : ""));
    client.open();
    clientOpened.get(10, TimeUnit.SECONDS);
  }

  @ParameterizedTest
  @ValueSource(strings = {"polling,websocket", "websocket", "polling"})
  void textAndBinaryMessagesMakeTheRoundTrip(String transports) throws Exception {
    startEchoServer();
    connect(transports);
    client.send("hello");
    assertThat(clientReceived.poll(10, TimeUnit.SECONDS)).isEqualTo("echo:hello");
    client.send(new byte[] {1, 2, 3});
    assertThat((byte[]) clientReceived.poll(10, TimeUnit.SECONDS)).containsExactly(1, 2, 3, 1, 2, 3);
  }

  @ParameterizedTest
  @ValueSource(strings = {"polling,websocket", "websocket", "polling"})
  void manyMessagesArriveInOrderBothWays(String transports) throws Exception {
    startEchoServer();
    connect(transports);
    for (int i = 0; i < 200; i++) {
      client.send("m" + i);
    }
    for (int i = 0; i < 200; i++) {
      assertThat(clientReceived.poll(10, TimeUnit.SECONDS)).isEqualTo("echo:m" + i);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"polling,websocket"})
  void theDefaultTransportsUpgradeFromPollingToWebSocket(String transports) throws Exception {
    startEchoServer();
    CompletableFuture<Object> upgraded = new CompletableFuture<>();
    Socket.Options options = new Socket.Options();
    options.transports = transports.split(",");
    options.path = server.options.path();
    client = new Socket("http://127.0.0.1:" + server.port, options);
    client.on(Socket.EVENT_UPGRADE, args -> upgraded.complete(args[0]));
    client.open();
    EngineIoSocket socket = server.nextSocket();
    upgraded.get(10, TimeUnit.SECONDS);
    await().atMost(Duration.ofSeconds(10)).until(() -> socket.transport().equals("websocket"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"polling,websocket", "websocket", "polling"})
  void theHeartbeatKeepsAnAnsweringClientConnected(String transports) throws Exception {
    startEchoServer();
    connect(transports);
    EngineIoSocket socket = server.nextSocket();
    await().pollDelay(Duration.ofMillis(4 * PING_INTERVAL_MS)).atMost(Duration.ofSeconds(10)).until(() -> true);
    assertThat(socket.isOpen()).isTrue();
    assertThat(clientClosed).isNotDone();
    client.send("still here");
    assertThat(clientReceived.poll(10, TimeUnit.SECONDS)).isEqualTo("echo:still here");
  }

  /**
   * With the default heartbeat the client's own ping timeout is 45 s away, so only the close itself
   * can end the client's session this soon (over WebSocket it used to take those 45 s).
   */
  @ParameterizedTest
  @ValueSource(strings = {"polling,websocket", "websocket", "polling"})
  void theServerClosingReachesTheClientAtOnce(String transports) throws Exception {
    server = EngineIoTestServer.start(new EngineIoOptions());
    connect(transports);
    EngineIoSocket socket = server.nextSocket();
    String expectedTransport = transports.contains("websocket") ? "websocket" : "polling";
    await().atMost(Duration.ofSeconds(10)).until(() -> socket.transport().equals(expectedTransport));

    socket.close();

    assertThat(clientClosed.get(CLOSE_NOTICED_WITHIN_SECONDS, TimeUnit.SECONDS)).isNotEqualTo("ping timeout");
  }

  @ParameterizedTest
  @ValueSource(strings = {"polling,websocket", "websocket", "polling"})
  void theClientClosingReachesTheServer(String transports) throws Exception {
    startEchoServer();
    connect(transports);
    EngineIoSocket socket = server.nextSocket();
    CompletableFuture<String> reason = new CompletableFuture<>();
    socket.closeHandler(reason::complete);
    client.close();
    assertThat(reason.get(10, TimeUnit.SECONDS)).isEqualTo(CloseReason.TRANSPORT_CLOSE);
    await().atMost(Duration.ofSeconds(10)).until(() -> server.engineIo.clientsCount() == 0);
  }
}
