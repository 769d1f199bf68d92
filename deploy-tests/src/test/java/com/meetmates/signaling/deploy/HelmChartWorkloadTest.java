package com.meetmates.signaling.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HelmChartWorkloadTest {

  @Test
  void chartPassesStrictHelmLint() {
    LintResult result = new Helm(RepoFiles.chart()).lint().strict().call();

    assertThat(result.isFailed()).as("helm lint: %s", result.getMessages()).isFalse();
  }

  @Test
  void livenessChecksHealthAndReadinessChecksReadyOnTheNodesHttpPort() {
    RenderedChart chart = RenderedChart.render(Map.of());
    JsonNode container = chart.container();

    assertThat(chart.containerPort("http")).isEqualTo(KubernetesContract.HTTP_PORT);
    assertThat(chart.env("PORT")).isEqualTo(String.valueOf(KubernetesContract.HTTP_PORT));
    assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/health");
    assertThat(container.at("/livenessProbe/httpGet/port").asText()).isEqualTo("http");
    assertThat(container.at("/startupProbe/httpGet/path").asText()).isEqualTo("/health");
    assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/ready");
    assertThat(container.at("/readinessProbe/httpGet/port").asText()).isEqualTo("http");
  }

  @Test
  void clientServiceForwardsToTheHttpPortOfThePods() {
    RenderedChart chart = RenderedChart.render(Map.of());
    JsonNode service = chart.get("Service", RenderedChart.FULLNAME);

    assertThat(service.at("/spec/ports/0/targetPort").asText()).isEqualTo("http");
    assertThat(service.at("/spec/selector")).isEqualTo(chart.deployment().at("/spec/selector/matchLabels"));
  }

  @Test
  void podRunsAsNonRootOnAReadOnlyRootFileSystemWithoutCapabilities() {
    RenderedChart chart = RenderedChart.render(Map.of());
    JsonNode pod = chart.deployment().at("/spec/template/spec");
    JsonNode container = chart.container();

    assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
    assertThat(pod.at("/securityContext/runAsUser").asInt()).isPositive();
    assertThat(container.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
    assertThat(container.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
    assertThat(container.at("/securityContext/allowPrivilegeEscalation").asBoolean()).isFalse();
    assertThat(container.at("/securityContext/capabilities/drop/0").asText()).isEqualTo("ALL");
    assertThat(container.at("/volumeMounts").findValuesAsText("mountPath")).contains("/tmp");
  }

  @Test
  void preStopWaitsAndTheGracePeriodCoversItTheDrainAndHazelcastsGracefulLeave() {
    RenderedChart chart = RenderedChart.render(Map.of());
    JsonNode pod = chart.deployment().at("/spec/template/spec");
    int preStopSeconds = chart.container().at("/lifecycle/preStop/sleep/seconds").asInt();
    int hazelcastShutdownSeconds = HazelcastConfigs.intProperty(
        HazelcastConfigs.load(HazelcastConfigs.KUBERNETES), "hazelcast.graceful.shutdown.max.wait");

    int drainSeconds = Integer.parseInt(chart.env("DRAIN_TIMEOUT_MS")) / 1000;

    assertThat(preStopSeconds).isPositive();
    assertThat(pod.path("terminationGracePeriodSeconds").asInt())
        .isEqualTo(KubernetesContract.DEFAULT_TERMINATION_GRACE_SECONDS)
        .isGreaterThan(preStopSeconds + drainSeconds + hazelcastShutdownSeconds);
  }

  @Test
  void podsLogJsonLinesForLogCollectors() {
    RenderedChart chart = RenderedChart.render(Map.of());

    assertThat(chart.env("LOG_FORMAT")).isEqualTo("json");
  }

  @Test
  void preStopFallsBackToASleepCommandOnClustersWithoutTheSleepAction() {
    RenderedChart chart = RenderedChart.render("1.29.0", Map.of());

    assertThat(chart.container().at("/lifecycle/preStop/exec/command/0").asText()).isEqualTo("sleep");
    assertThat(chart.container().at("/lifecycle/preStop/sleep").isMissingNode()).isTrue();
  }

  @Test
  void rollsOnePodAtATimeWithoutGoingBelowTheWantedCount() {
    JsonNode strategy = RenderedChart.render(Map.of()).deployment().at("/spec/strategy/rollingUpdate");

    assertThat(strategy.path("maxUnavailable").asInt()).isZero();
    assertThat(strategy.path("maxSurge").asInt()).isEqualTo(1);
  }

  @Test
  void disruptionBudgetAndAutoscalerCoverTheDeployment() {
    RenderedChart chart = RenderedChart.render(Map.of());
    JsonNode budget = chart.get("PodDisruptionBudget", RenderedChart.FULLNAME);
    JsonNode autoscaler = chart.get("HorizontalPodAutoscaler", RenderedChart.FULLNAME);

    assertThat(budget.at("/spec/maxUnavailable").asInt()).isEqualTo(1);
    assertThat(budget.at("/spec/selector/matchLabels"))
        .isEqualTo(chart.deployment().at("/spec/template/metadata/labels"));
    assertThat(autoscaler.at("/spec/scaleTargetRef/kind").asText()).isEqualTo("Deployment");
    assertThat(autoscaler.at("/spec/scaleTargetRef/name").asText()).isEqualTo(RenderedChart.FULLNAME);
    assertThat(autoscaler.at("/spec/minReplicas").asInt()).isGreaterThanOrEqualTo(3);
    assertThat(chart.deployment().at("/spec/replicas").isMissingNode())
        .as("replicas belong to the autoscaler while it is on").isTrue();
  }

  @Test
  void withoutTheAutoscalerTheDeploymentKeepsReplicaCount() {
    RenderedChart chart = RenderedChart.render(Map.of("autoscaling.enabled", "false", "replicaCount", "5"));

    assertThat(chart.has("HorizontalPodAutoscaler")).isFalse();
    assertThat(chart.deployment().at("/spec/replicas").asInt()).isEqualTo(5);
  }

  @Test
  void prefersPodsOnDifferentHostsAndCanRequireIt() {
    JsonNode soft = RenderedChart.render(Map.of()).deployment().at("/spec/template/spec/affinity/podAntiAffinity");
    JsonNode hard = RenderedChart.render(Map.of("podAntiAffinity", "hard"))
        .deployment().at("/spec/template/spec/affinity/podAntiAffinity");

    assertThat(soft.at("/preferredDuringSchedulingIgnoredDuringExecution/0/podAffinityTerm/topologyKey").asText())
        .isEqualTo("kubernetes.io/hostname");
    assertThat(hard.at("/requiredDuringSchedulingIgnoredDuringExecution/0/topologyKey").asText())
        .isEqualTo("kubernetes.io/hostname");
  }

  @Test
  void sizesTheHeapFromTheContainerMemoryLimit() {
    RenderedChart chart = RenderedChart.render(Map.of("jvm.maxRamPercentage", "60"));

    assertThat(chart.env("JAVA_TOOL_OPTIONS")).contains("-XX:MaxRAMPercentage=60");
    assertThat(chart.container().at("/resources/limits/memory").asText()).isNotEmpty();
  }

  @Test
  void passesClientSettingsAndTakesTheJwtKeyFromTheNamedSecret() {
    RenderedChart chart = RenderedChart.render(Map.of(
        "config.corsOrigins", "https://meetmates.example",
        "jwt.existingSecret", "signaling-jwt"));

    assertThat(chart.env("CORS_ORIGINS")).isEqualTo("https://meetmates.example");
    assertThat(chart.env("ICE_SERVERS")).startsWith("[");
    assertThat(chart.envEntry("JWT_SECRET").at("/valueFrom/secretKeyRef/name").asText()).isEqualTo("signaling-jwt");
    assertThat(chart.envEntry("JWT_SECRET").at("/valueFrom/secretKeyRef/key").asText()).isEqualTo("jwt-secret");
  }

  @Test
  void leavesTheOriginAllowListToTheNodesDefaultUntilSet() {
    RenderedChart chart = RenderedChart.render(Map.of());

    assertThat(chart.container().path("env").findValuesAsText("name")).doesNotContain("CORS_ORIGINS");
  }

  @Test
  void ingressKeepsLongPollingStickyByCookieAndWebSocketsOpenForAnHour() {
    RenderedChart chart = RenderedChart.render(Map.of("ingress.enabled", "true", "ingress.host", "chat.example.com"));
    JsonNode annotations = chart.get("Ingress", RenderedChart.FULLNAME).at("/metadata/annotations");

    assertThat(annotations.path("nginx.ingress.kubernetes.io/affinity").asText()).isEqualTo("cookie");
    assertThat(annotations.path("nginx.ingress.kubernetes.io/session-cookie-name").asText()).isNotEmpty();
    assertThat(annotations.path("nginx.ingress.kubernetes.io/proxy-read-timeout").asInt()).isEqualTo(3600);
    assertThat(annotations.path("nginx.ingress.kubernetes.io/proxy-send-timeout").asInt()).isEqualTo(3600);
    assertThat(chart.get("Ingress", RenderedChart.FULLNAME).at("/spec/rules/0/http/paths/0/backend/service/name").asText())
        .isEqualTo(RenderedChart.FULLNAME);
  }

  @Test
  void noIngressAndNoServiceMonitorUnlessAskedFor() {
    RenderedChart chart = RenderedChart.render(Map.of());

    assertThat(chart.has("Ingress")).isFalse();
    assertThat(chart.has("ServiceMonitor")).isFalse();
  }

  @Test
  void serviceMonitorScrapesMetricsOnTheHttpPortWhenEnabled() {
    RenderedChart chart = RenderedChart.render(Map.of("serviceMonitor.enabled", "true"));
    JsonNode endpoint = chart.get("ServiceMonitor", RenderedChart.FULLNAME).at("/spec/endpoints/0");

    assertThat(endpoint.path("path").asText()).isEqualTo("/metrics");
    assertThat(endpoint.path("port").asText()).isEqualTo("http");
  }
}
