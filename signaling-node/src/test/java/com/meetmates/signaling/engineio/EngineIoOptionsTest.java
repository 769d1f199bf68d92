package com.meetmates.signaling.engineio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EngineIoOptionsTest {

  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void stop() throws Exception {
    EngineIoTestServer.await(vertx.close());
  }

  @Test
  void theDefaultsAreThoseOfTheReferenceServer() {
    EngineIoOptions options = new EngineIoOptions();
    assertThat(options.path()).isEqualTo("/engine.io/");
    assertThat(options.pingIntervalMs()).isEqualTo(25_000);
    assertThat(options.pingTimeoutMs()).isEqualTo(20_000);
    assertThat(options.maxPayloadBytes()).isEqualTo(1_000_000);
    assertThat(options.transports()).containsExactly("polling", "websocket");
  }

  @Test
  void thePathIsNormalisedToStartAndEndWithASlash() {
    assertThat(new EngineIoOptions().path("socket.io").path()).isEqualTo("/socket.io/");
  }

  @Test
  void theHttpServerRunsInStrictThreadModeWithoutVertxWebSocketCompressionEvenWhenDeflateIsOn() {
    HttpServerOptions compressed = new EngineIoOptions().perMessageDeflate(true).applyTo(new HttpServerOptions());
    assertThat(compressed.getStrictThreadMode()).isTrue();
    assertThat(compressed.getPerMessageWebSocketCompressionSupported()).isFalse();
    assertThat(compressed.getPerFrameWebSocketCompressionSupported()).isFalse();
  }

  @Test
  void aNonPositiveDurationOrLimitIsRefusedWhenTheServerIsCreated() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> EngineIoServer.create(vertx, new EngineIoOptions().pingIntervalMs(0)))
        .withMessageContaining("pingIntervalMs");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> EngineIoServer.create(vertx, new EngineIoOptions().maxBufferedPackets(0)))
        .withMessageContaining("maxBufferedPackets");
  }

  @Test
  void anUnknownTransportIsRefusedWhenTheServerIsCreated() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> EngineIoServer.create(vertx, new EngineIoOptions().transports(List.of("flash"))))
        .withMessageContaining("transports");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> EngineIoServer.create(vertx, new EngineIoOptions().transports(List.of())));
  }
}
