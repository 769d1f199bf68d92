package com.meetmates.signaling.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.meetmates.signaling.node.observability.LogFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The drain, metrics and logging settings: defaults that run, environment overrides, refusals by name. */
class OperationsConfigTest {

  @Test
  void defaultsDrainWithinFifteenSecondsAfterASecondsDelayAndLogText() {
    NodeConfig config = NodeConfig.load(Map.of());

    assertThat(config.drainDelayMs()).isEqualTo(1000);
    assertThat(config.drainTimeoutMs()).isEqualTo(15_000);
    assertThat(config.metricsStateIntervalMs()).isEqualTo(5000);
    assertThat(config.logFormat()).isEqualTo(LogFormat.TEXT);
  }

  @Test
  void environmentSetsDrainTimesAndJsonLogsInAnyCase() {
    NodeConfig config = NodeConfig.load(Map.of(NodeConfig.DRAIN_DELAY_MS, "0", NodeConfig.DRAIN_TIMEOUT_MS, "5000",
        NodeConfig.METRICS_STATE_INTERVAL_MS, "250", NodeConfig.LOG_FORMAT, "JSON"));

    assertThat(config.drainDelayMs()).isZero();
    assertThat(config.drainTimeoutMs()).isEqualTo(5000);
    assertThat(config.metricsStateIntervalMs()).isEqualTo(250);
    assertThat(config.logFormat()).isEqualTo(LogFormat.JSON);
  }

  @Test
  void drainTimeoutMustLeaveRoomAfterTheDelay() {
    NodeConfig config = NodeConfig.load(Map.of(NodeConfig.DRAIN_DELAY_MS, "5000", NodeConfig.DRAIN_TIMEOUT_MS, "5000"));

    assertThatThrownBy(config::drainTimeoutMs).hasMessageContaining("DRAIN_TIMEOUT_MS")
        .hasMessageContaining("DRAIN_DELAY_MS");
  }

  @Test
  void negativeDelayAndUnknownLogFormatAreRefusedByName() {
    assertThatThrownBy(NodeConfig.load(Map.of(NodeConfig.DRAIN_DELAY_MS, "-1"))::drainDelayMs)
        .hasMessageContaining("DRAIN_DELAY_MS");
    assertThatThrownBy(NodeConfig.load(Map.of(NodeConfig.LOG_FORMAT, "xml"))::logFormat)
        .hasMessageContaining("LOG_FORMAT");
    assertThatThrownBy(NodeConfig.load(Map.of(NodeConfig.METRICS_STATE_INTERVAL_MS, "0"))::metricsStateIntervalMs)
        .hasMessageContaining("METRICS_STATE_INTERVAL_MS");
  }
}
