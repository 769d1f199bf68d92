package com.meetmates.signaling.socketio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.meetmates.signaling.socketio.JavaClientFixture.RecordedSocket;
import io.socket.client.Ack;
import io.socket.client.Manager;
import io.socket.client.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The real Java client {@code io.socket:socket.io-client} 2.1.2 against the server, over each transport setting. */
class JavaClientTest {

  private static final long HEARTBEAT_INTERVAL_MS = 400;
  private static final long HEARTBEAT_TIMEOUT_MS = 600;
  private static final Duration NO_RECONNECTION_WINDOW = Duration.ofSeconds(1);
  private static final Duration CLOSE_NOTICED_WITHIN = Duration.ofSeconds(2);

  private static SocketIoTestServer server;
  private static SocketIoTestServer heartbeatServer;
  private JavaClientFixture clients;

  @BeforeAll
  static void startServers() throws Exception {
    server = SocketIoTestServer.start();
    heartbeatServer = SocketIoTestServer.startWithHeartbeat(HEARTBEAT_INTERVAL_MS, HEARTBEAT_TIMEOUT_MS);
  }

  @AfterAll
  static void stopServers() throws Exception {
    server.close();
    heartbeatServer.close();
  }

  @BeforeEach
  void newClients() {
    clients = new JavaClientFixture();
  }

  @AfterEach
  void closeClients() {
    clients.close();
  }

  @ParameterizedTest
  @EnumSource(TransportMode.class)
  void connectsWithAuthThatTheServerSees(TransportMode mode) throws Exception {
    RecordedSocket client = connected(server, mode, Map.of("token", "abc"));

    Object[] answer = emitWithAck(client.socket, "auth");

    assertThat(((JSONObject) answer[0]).getString("token")).isEqualTo("abc");
    assertThat(answer[1]).isEqualTo(client.socket.id());
    assertThat(answer[2]).isEqualTo("abc");
    assertThat(server.io().namespace("/").socket(client.socket.id())).isNotNull();
  }

  @ParameterizedTest
  @EnumSource(TransportMode.class)
  void eventsTravelBothWays(TransportMode mode) throws Exception {
    RecordedSocket client = connected(server, mode, Map.of()).listen("echo");

    client.socket.emit("echo", "hello", 42, new JSONObject().put("a", 1), true);

    Object[] echoed = client.next("echo");
    assertThat(echoed).hasSize(4);
    assertThat(echoed[0]).isEqualTo("hello");
    assertThat(echoed[1]).isEqualTo(42);
    assertThat(((JSONObject) echoed[2]).getInt("a")).isEqualTo(1);
    assertThat(echoed[3]).isEqualTo(true);
  }

  @ParameterizedTest
  @EnumSource(TransportMode.class)
  void acksTravelBothWays(TransportMode mode) throws Exception {
    RecordedSocket client = connected(server, mode, Map.of()).listen("answer");
    client.socket.on("question", args -> ((Ack) args[args.length - 1]).call("yes", args[0]));

    Object[] ackFromServer = emitWithAck(client.socket, "echo", "ping");
    client.socket.emit("ask", "why?");

    assertThat(ackFromServer).containsExactly("ping");
    assertThat(client.next("answer")).containsExactly("yes", "why?");
  }

  @ParameterizedTest
  @EnumSource(TransportMode.class)
  void binaryTravelsBothWays(TransportMode mode) throws Exception {
    RecordedSocket client = connected(server, mode, Map.of()).listen("echo", "answer");
    client.socket.on("question", args -> ((Ack) args[args.length - 1]).call(new byte[] {9, 8, 7}));

    Object[] ack = emitWithAck(client.socket, "echo", "file", new byte[] {1, 2, 3});
    client.socket.emit("ask", "send bytes");

    assertThat(client.next("echo")).satisfiesExactly(
        name -> assertThat(name).isEqualTo("file"),
        bytes -> assertThat((byte[]) bytes).containsExactly(1, 2, 3));
    assertThat((byte[]) ack[1]).containsExactly(1, 2, 3);
    assertThat((byte[]) client.next("answer")[0]).containsExactly(9, 8, 7);
  }

  @ParameterizedTest
  @EnumSource(TransportMode.class)
  void serverSideDisconnectEndsTheSocketForGood(TransportMode mode) throws Exception {
    RecordedSocket client = connected(server, mode, Map.of()).listen(Socket.EVENT_DISCONNECT);
    String id = client.socket.id();

    client.socket.emit("disconnect-me");

    assertThat(client.next(Socket.EVENT_DISCONNECT)).containsExactly("io server disconnect");
    await().atMost(Duration.ofSeconds(JavaClientFixture.AWAIT_SECONDS))
        .until(() -> DisconnectReason.SERVER_NAMESPACE_DISCONNECT.equals(server.app.disconnectReasons.get(id)));
    await().during(NO_RECONNECTION_WINDOW).atMost(NO_RECONNECTION_WINDOW.multipliedBy(3))
        .until(() -> !client.socket.connected());
  }

  @ParameterizedTest
  @EnumSource(TransportMode.class)
  void reconnectsAfterAHeartbeatTimeout(TransportMode mode) throws Exception {
    RecordedSocket client = connected(heartbeatServer, mode, Map.of()).listen(Socket.EVENT_CONNECT, "echo");
    String firstId = client.socket.id();
    client.socket.on(Socket.EVENT_DISCONNECT, args -> clients.deliverPongs());

    clients.dropPongs();

    client.next(Socket.EVENT_CONNECT);
    assertThat(heartbeatServer.app.disconnectReasons).containsEntry(firstId, DisconnectReason.PING_TIMEOUT);
    assertThat(client.socket.id()).isNotEqualTo(firstId);
    client.socket.emit("echo", "again");
    assertThat(client.next("echo")).containsExactly("again");
  }

  /**
   * What a draining node does: it closes its sessions without DISCONNECT. The client notices at once
   * (not at its ping timeout, 45 s with the defaults) and reconnects by itself.
   */
  @ParameterizedTest
  @EnumSource(TransportMode.class)
  void noticesTheServerClosingItsSessionsAtOnceAndReconnects(TransportMode mode) throws Exception {
    try (SocketIoTestServer closing = SocketIoTestServer.start()) {
      RecordedSocket client = connected(closing, mode, Map.of()).listen("echo");
      String firstId = client.socket.id();
      CompletableFuture<Object> disconnected = new CompletableFuture<>();
      client.socket.once(Socket.EVENT_DISCONNECT, args -> disconnected.complete(args[0]));

      CompletableFuture<Void> closed = closing.io().close().toCompletionStage().toCompletableFuture();

      assertThat(disconnected.get(CLOSE_NOTICED_WITHIN.toMillis(), TimeUnit.MILLISECONDS))
          .isNotEqualTo("io server disconnect");
      closed.get(JavaClientFixture.AWAIT_SECONDS, TimeUnit.SECONDS);
      client.next(Socket.EVENT_CONNECT);
      assertThat(closing.app.disconnectReasons).containsEntry(firstId, DisconnectReason.SERVER_SHUTTING_DOWN);
      assertThat(client.socket.id()).isNotEqualTo(firstId);
      client.socket.emit("echo", "back");
      assertThat(client.next("echo")).containsExactly("back");
    }
  }

  @ParameterizedTest
  @EnumSource(TransportMode.class)
  void unknownNamespaceIsRefused(TransportMode mode) throws Exception {
    RecordedSocket client = clients.socket(server.url() + "/nowhere", mode, Map.of())
        .listen(Socket.EVENT_CONNECT_ERROR).connect();

    JSONObject error = (JSONObject) client.next(Socket.EVENT_CONNECT_ERROR)[0];

    assertThat(error.getString("message")).isEqualTo("Invalid namespace");
  }

  @ParameterizedTest
  @EnumSource(TransportMode.class)
  void middlewareRefusesWithItsOwnMessageAndData(TransportMode mode) throws Exception {
    RecordedSocket client = clients.socket(server.url(), mode, Map.of("token", TestApp.REFUSED_TOKEN))
        .listen(Socket.EVENT_CONNECT_ERROR).connect();

    JSONObject error = (JSONObject) client.next(Socket.EVENT_CONNECT_ERROR)[0];

    assertThat(error.getString("message")).isEqualTo(TestApp.REFUSAL_MESSAGE);
    assertThat(error.getJSONObject("data").getString("code")).isEqualTo(TestApp.REFUSAL_CODE);
  }

  @ParameterizedTest
  @EnumSource(TransportMode.class)
  void namespacesShareOneConnection(TransportMode mode) throws Exception {
    Manager manager = clients.manager(server.url(), mode);
    RecordedSocket main = clients.record(manager.socket("/")).listen(Socket.EVENT_CONNECT, "echo").connect();
    RecordedSocket admin = clients.record(manager.socket(TestApp.ADMIN_NAMESPACE))
        .listen(Socket.EVENT_CONNECT, "echo").connect();
    main.next(Socket.EVENT_CONNECT);
    admin.next(Socket.EVENT_CONNECT);

    admin.socket.emit("echo", "x");
    main.socket.emit("echo", "y");

    assertThat(admin.next("echo")).containsExactly("admin", "x");
    assertThat(main.next("echo")).containsExactly("y");
    assertThat(admin.socket.id()).isNotEqualTo(main.socket.id());
  }

  @ParameterizedTest
  @EnumSource(TransportMode.class)
  void eventsWithoutHandlerReachTheCatchAll(TransportMode mode) throws Exception {
    RecordedSocket client = connected(server, mode, Map.of());
    int before = server.app.unknownEvents.get();

    Object[] ack = emitWithAck(client.socket, "no-such-event", 1);

    assertThat(((JSONObject) ack[0]).getString("unknown")).isEqualTo("no-such-event");
    assertThat(server.app.unknownEvents.get()).isEqualTo(before + 1);
  }

  private RecordedSocket connected(SocketIoTestServer target, TransportMode mode, Map<String, String> auth)
      throws Exception {
    RecordedSocket client = clients.socket(target.url(), mode, auth).listen(Socket.EVENT_CONNECT).connect();
    client.next(Socket.EVENT_CONNECT);
    if (mode == TransportMode.DEFAULT) {
      await().atMost(Duration.ofSeconds(JavaClientFixture.AWAIT_SECONDS))
          .until(() -> "websocket".equals(target.io().namespace("/").socket(client.socket.id()).transport()));
    }
    return client;
  }

  private static Object[] emitWithAck(Socket socket, String event, Object... args) throws Exception {
    CompletableFuture<Object[]> answer = new CompletableFuture<>();
    Object[] withAck = Arrays.copyOf(args, args.length + 1);
    withAck[args.length] = (Ack) answer::complete;
    socket.emit(event, withAck);
    return answer.get(JavaClientFixture.AWAIT_SECONDS, TimeUnit.SECONDS);
  }
}
