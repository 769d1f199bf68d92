package com.meetmates.signaling.deploy;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** values.schema.json is enforced by helm itself on every install, upgrade and template. */
class HelmValuesSchemaTest {

  @Test
  void acceptsTheDefaultValues() {
    assertThatCode(() -> RenderedChart.render(Map.of())).doesNotThrowAnyException();
  }

  @Test
  void rejectsZeroReplicas() {
    assertThatThrownBy(() -> RenderedChart.render(Map.of("replicaCount", "0")))
        .hasMessageContaining("replicaCount");
  }

  @Test
  void rejectsRunningThePodAsRoot() {
    assertThatThrownBy(() -> RenderedChart.render(Map.of("podSecurityContext.runAsNonRoot", "false")))
        .hasMessageContaining("runAsNonRoot");
  }

  @Test
  void rejectsAnUnknownAntiAffinityMode() {
    assertThatThrownBy(() -> RenderedChart.render(Map.of("podAntiAffinity", "sometimes")))
        .hasMessageContaining("podAntiAffinity");
  }

  @Test
  void rejectsAMisspelledValueInsteadOfIgnoringIt() {
    assertThatThrownBy(() -> RenderedChart.render(Map.of("autoscaling.maxReplica", "4")))
        .hasMessageContaining("maxReplica");
  }

  @Test
  void rejectsAProxyTimeoutShorterThanTheEngineIoPingCycle() {
    assertThatThrownBy(() -> RenderedChart.render(Map.of("ingress.proxyTimeoutSeconds", "20")))
        .hasMessageContaining("proxyTimeoutSeconds");
  }
}
