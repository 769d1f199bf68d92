package com.meetmates.signaling.engineio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP server's own figures stay true although the Engine.IO server takes WebSocket connections away from
 * Vert.x: a WebSocket counts as an open connection and an open WebSocket while it lives, and its upgrade request
 * as answered.
 */
class WebSocketMetricsTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private EngineIoTestServer server;

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  private double gauge(String name) {
    return registry.find(name).gauges().stream().mapToDouble(Gauge::value).sum();
  }

  @Test
  void aWebSocketCountsAsAnOpenConnectionUntilItCloses() throws Exception {
    Vertx vertx = Vertx.builder()
        .with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)))
        .withMetrics(new MicrometerMetricsFactory(registry))
        .build();
    server = EngineIoTestServer.start(vertx, new EngineIoOptions());
    WebSocketClient client = server.openWebSocket();
    server.nextSocket();

    await().atMost(Duration.ofSeconds(EngineIoTestServer.WAIT_SECONDS)).untilAsserted(() -> {
      assertThat(gauge("vertx.http.server.active.connections")).isEqualTo(1);
      assertThat(gauge("vertx.http.server.active.ws.connections")).isEqualTo(1);
      assertThat(gauge("vertx.http.server.active.requests")).isZero();
    });

    client.close();

    await().atMost(Duration.ofSeconds(EngineIoTestServer.WAIT_SECONDS)).untilAsserted(() -> {
      assertThat(gauge("vertx.http.server.active.connections")).isZero();
      assertThat(gauge("vertx.http.server.active.ws.connections")).isZero();
    });
  }
}
