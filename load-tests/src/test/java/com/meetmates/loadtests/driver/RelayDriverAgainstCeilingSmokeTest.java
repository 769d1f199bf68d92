package com.meetmates.loadtests.driver;

import static org.assertj.core.api.Assertions.assertThat;

import com.meetmates.loadtests.ceiling.BareForwarder;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A short relay run through the bare forwarder: the ceiling measurement must keep working. */
class RelayDriverAgainstCeilingSmokeTest {

  private Vertx forwarderVertx;
  private String target;

  @BeforeEach
  void startForwarder() throws Exception {
    forwarderVertx = Vertx.vertx();
    int port = BareForwarder.deploy(forwarderVertx, 0, 1).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    target = "http://127.0.0.1:" + port;
  }

  @AfterEach
  void stopForwarder() throws Exception {
    forwarderVertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private RelayOptions options(int rate, List<String> sources) {
    return new RelayOptions(List.of(target), Protocol.RAW, Placement.SAME_NODE, 4, rate, RelayOptions.DEFAULT_WINDOW,
        Duration.ofMillis(200), Duration.ofSeconds(1), sources, 1, List.of(ProcessHandle.current().pid()), false, Duration.ZERO);
  }

  @Test
  void offeredRateIsRelayedWithoutLossAndTimed() throws Exception {
    RelayResult result = new RelayDriver(options(1000, List.of())).run();

    assertThat(result.lost()).isZero();
    assertThat(result.sent()).isGreaterThanOrEqualTo(1000);
    assertThat(result.relayLatency().getTotalCount()).isEqualTo(result.receivedInWindow()).isGreaterThan(500);
    assertThat(result.relayedPerSecond()).isBetween(500.0, 1500.0);
    assertThat(result.serverCpu().totalNanos()).isPositive();
  }

  @Test
  void saturatingRunKeepsTheWindowFullAndLosesNothing() throws Exception {
    RelayResult result = new RelayDriver(options(0, List.of())).run();

    assertThat(result.lost()).isZero();
    assertThat(result.receivedInWindow()).isGreaterThan(1000);
  }

  @Test
  void clientSocketsCanComeFromSeveralLoopbackSources() throws Exception {
    RelayResult result = new RelayDriver(options(500, List.of("127.0.0.2", "127.0.0.3"))).run();

    assertThat(result.lost()).isZero();
    assertThat(result.receivedInWindow()).isPositive();
  }
}
