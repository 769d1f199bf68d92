package com.meetmates.signaling.socketio;

import static com.meetmates.signaling.socketio.NodeScenario.step;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The real Node {@code socket.io-client} 4.8 (what browsers run) against the server, over each transport setting. */
class NodeClientTest {

  private static final long HEARTBEAT_INTERVAL_MS = 400;
  private static final long HEARTBEAT_TIMEOUT_MS = 600;
  private static final long CLOSE_NOTICED_WITHIN_MS = 2_000;
  private static final int NORMAL_CLOSURE = 1000;

  private static SocketIoTestServer server;
  private static SocketIoTestServer heartbeatServer;

  @BeforeAll
  static void startServers() throws Exception {
    NodeScenario.requireNodeClient();
    server = SocketIoTestServer.start();
    heartbeatServer = SocketIoTestServer.startWithHeartbeat(HEARTBEAT_INTERVAL_MS, HEARTBEAT_TIMEOUT_MS);
  }

  @AfterAll
  static void stopServers() throws Exception {
    if (server != null) {
      server.close();
    }
    if (heartbeatServer != null) {
      heartbeatServer.close();
    }
  }

  @ParameterizedTest
  @EnumSource(TransportMode.class)
  void connectsWithAuthThatTheServerSees(TransportMode mode) throws Exception {
    List<JsonObject> lines = NodeScenario.run("connect-with-auth", server.url(), mode);

    String id = step(lines, "connected").getString("id");
    JsonObject auth = step(lines, "auth");
    assertThat(auth.getJsonObject("auth")).isEqualTo(new JsonObject().put("token", "abc"));
    assertThat(auth.getString("id")).isEqualTo(id);
    assertThat(auth.getString("token")).isEqualTo("abc");
    assertThat(step(lines, "connected").getString("transport")).isEqualTo(mode == TransportMode.POLLING ? "polling" : "websocket");
  }

  @ParameterizedTest
  @EnumSource(TransportMode.class)
  void eventsTravelBothWays(TransportMode mode) throws Exception {
    List<JsonObject> lines = NodeScenario.run("events", server.url(), mode);

    assertThat(step(lines, "echo").getJsonArray("args"))
        .isEqualTo(new JsonArray().add("hello").add(42).add(new JsonObject().put("a", 1)).add(true).addNull());
  }

  @ParameterizedTest
  @EnumSource(TransportMode.class)
  void acksTravelBothWays(TransportMode mode) throws Exception {
    List<JsonObject> lines = NodeScenario.run("acks", server.url(), mode);

    assertThat(step(lines, "ack").getJsonArray("args")).isEqualTo(new JsonArray().add("ping"));
    assertThat(step(lines, "answer").getJsonArray("args")).isEqualTo(new JsonArray().add("yes").add("why?"));
  }

  @ParameterizedTest
  @EnumSource(TransportMode.class)
  void binaryTravelsBothWays(TransportMode mode) throws Exception {
    List<JsonObject> lines = NodeScenario.run("binary", server.url(), mode);

    assertThat(step(lines, "echo")).isEqualTo(new JsonObject().put("step", "echo").put("name", "file")
        .put("bytes", new JsonArray().add(1).add(2).add(3)));
    assertThat(step(lines, "ack").getJsonArray("bytes")).isEqualTo(new JsonArray().add(1).add(2).add(3));
    assertThat(step(lines, "answer").getJsonArray("bytes")).isEqualTo(new JsonArray().add(9).add(8).add(7));
  }

  @ParameterizedTest
  @EnumSource(TransportMode.class)
  void serverSideDisconnectEndsTheSocketForGood(TransportMode mode) throws Exception {
    List<JsonObject> lines = NodeScenario.run("server-disconnect", server.url(), mode);

    assertThat(step(lines, "disconnected").getString("reason")).isEqualTo("io server disconnect");
    assertThat(step(lines, "afterwards")).isEqualTo(new JsonObject().put("step", "afterwards")
        .put("connected", false).put("reconnected", false).put("active", false));
    assertThat(server.app.disconnectReasons)
        .containsEntry(step(lines, "connected").getString("id"), DisconnectReason.SERVER_NAMESPACE_DISCONNECT);
  }

  @ParameterizedTest
  @EnumSource(TransportMode.class)
  void reconnectsAfterAHeartbeatTimeout(TransportMode mode) throws Exception {
    List<JsonObject> lines = NodeScenario.run("heartbeat-reconnect", heartbeatServer.url(), mode);

    String firstId = step(lines, "connected").getString("id");
    assertThat(heartbeatServer.app.disconnectReasons).containsEntry(firstId, DisconnectReason.PING_TIMEOUT);
    assertThat(step(lines, "disconnected").getString("reason")).isIn("transport close", "ping timeout");
    assertThat(step(lines, "reconnected").getString("id")).isNotEqualTo(firstId);
    assertThat(step(lines, "echo").getJsonArray("args")).isEqualTo(new JsonArray().add("again"));
  }

  @ParameterizedTest
  @EnumSource(TransportMode.class)
  void unknownNamespaceIsRefused(TransportMode mode) throws Exception {
    List<JsonObject> lines = NodeScenario.run("unknown-namespace", server.url(), mode);

    assertThat(step(lines, "connect_error").getString("message")).isEqualTo("Invalid namespace");
  }

  @ParameterizedTest
  @EnumSource(TransportMode.class)
  void middlewareRefusesWithItsOwnMessageAndData(TransportMode mode) throws Exception {
    List<JsonObject> lines = NodeScenario.run("middleware-refusal", server.url(), mode);

    JsonObject error = step(lines, "connect_error");
    assertThat(error.getString("message")).isEqualTo(TestApp.REFUSAL_MESSAGE);
    assertThat(error.getJsonObject("data")).isEqualTo(new JsonObject().put("code", TestApp.REFUSAL_CODE));
  }

  @ParameterizedTest
  @EnumSource(TransportMode.class)
  void namespacesShareOneConnection(TransportMode mode) throws Exception {
    List<JsonObject> lines = NodeScenario.run("namespaces", server.url(), mode);

    JsonObject echo = step(lines, "echo");
    assertThat(echo.getJsonArray("admin")).isEqualTo(new JsonArray().add("admin").add("x"));
    assertThat(echo.getJsonArray("main")).isEqualTo(new JsonArray().add("y"));
    JsonObject connected = step(lines, "connected");
    assertThat(connected.getString("admin")).isNotEqualTo(connected.getString("main"));
  }

  @ParameterizedTest
  @EnumSource(TransportMode.class)
  void eventsWithoutHandlerReachTheCatchAll(TransportMode mode) throws Exception {
    List<JsonObject> lines = NodeScenario.run("unknown-event", server.url(), mode);

    assertThat(step(lines, "ack").getJsonArray("args"))
        .isEqualTo(new JsonArray().add(new JsonObject().put("unknown", "no-such-event")));
  }

  /** A draining node closes its sessions without DISCONNECT: the client notices at once and reconnects by itself. */
  @ParameterizedTest
  @EnumSource(TransportMode.class)
  void noticesTheServerClosingItsSessionsAtOnceAndReconnects(TransportMode mode) throws Exception {
    try (SocketIoTestServer closing = SocketIoTestServer.start()) {
      List<JsonObject> lines = NodeScenario.run("server-close", closing.url(), mode);

      JsonObject disconnected = step(lines, "disconnected");
      assertThat(disconnected.getString("reason")).isEqualTo("transport close");
      assertThat(disconnected.getLong("afterMs")).isLessThan(CLOSE_NOTICED_WITHIN_MS);
      if (mode != TransportMode.POLLING) {
        assertThat(disconnected.getInteger("code")).as("a clean WebSocket close").isEqualTo(NORMAL_CLOSURE);
      }
      assertThat(step(lines, "reconnected").getString("id")).isNotEqualTo(step(lines, "connected").getString("id"));
    }
  }
}
