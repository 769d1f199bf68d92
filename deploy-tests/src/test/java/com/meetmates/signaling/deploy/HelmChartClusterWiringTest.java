package com.meetmates.signaling.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The chart's headless Service, ConfigMap and pod must agree with the Hazelcast file they ship. */
class HelmChartClusterWiringTest {
  private static final String HEADLESS_SERVICE = RenderedChart.FULLNAME + "-hazelcast";

  @Test
  void headlessServiceIsTheServiceDnsOfTheRenderedHazelcastConfig() {
    RenderedChart chart = RenderedChart.render(Map.of());
    JoinConfig join = renderedHazelcastConfig(chart).getNetworkConfig().getJoin();

    assertThat(join.getKubernetesConfig().isEnabled()).isTrue();
    assertThat(join.getMulticastConfig().isEnabled()).isFalse();
    assertThat(join.getKubernetesConfig().getProperty("service-dns"))
        .isEqualTo(HEADLESS_SERVICE + "." + RenderedChart.NAMESPACE + ".svc.cluster.local");
  }

  @Test
  void headlessServicePortIsTheMemberPortOfTheConfigAndOfThePod() {
    RenderedChart chart = RenderedChart.render(Map.of());
    Config hazelcast = renderedHazelcastConfig(chart);
    JsonNode port = chart.get("Service", HEADLESS_SERVICE).at("/spec/ports/0");

    assertThat(port.path("port").asInt())
        .isEqualTo(hazelcast.getNetworkConfig().getPort())
        .isEqualTo(Integer.parseInt(hazelcast.getNetworkConfig().getJoin().getKubernetesConfig().getProperty("service-port")))
        .isEqualTo(chart.containerPort(port.path("targetPort").asText()));
  }

  @Test
  void headlessServiceListsEveryPodOfTheReleaseReadyOrNot() {
    RenderedChart chart = RenderedChart.render(Map.of());
    JsonNode spec = chart.get("Service", HEADLESS_SERVICE).path("spec");

    assertThat(spec.path("clusterIP").asText()).isEqualTo("None");
    assertThat(spec.path("publishNotReadyAddresses").asBoolean()).isTrue();
    assertThat(spec.path("selector")).isEqualTo(chart.deployment().at("/spec/selector/matchLabels"));
  }

  @Test
  void eachReleaseFormsItsOwnCluster() {
    RenderedChart chart = RenderedChart.render(Map.of());

    assertThat(renderedHazelcastConfig(chart).getClusterName()).isEqualTo(RenderedChart.FULLNAME);
  }

  @Test
  void renderedConfigKeepsTheShippedFailureDetectionAndShutdownTuning() {
    Config shipped = HazelcastConfigs.load(HazelcastConfigs.KUBERNETES);
    Config rendered = renderedHazelcastConfig(RenderedChart.render(Map.of()));

    assertThat(rendered.getProperties()).isEqualTo(shipped.getProperties());
    assertThat(rendered.getMapConfig("sessions").getBackupCount()).isEqualTo(1);
  }

  @Test
  void nodeReadsTheMountedConfigMapThroughClusterConfig() {
    RenderedChart chart = RenderedChart.render(Map.of());
    JsonNode pod = chart.deployment().at("/spec/template/spec");
    String configMapName = RenderedChart.FULLNAME + "-cluster";
    String mountPath = null;
    for (JsonNode mount : chart.container().path("volumeMounts")) {
      if ("cluster-config".equals(mount.path("name").asText())) {
        mountPath = mount.path("mountPath").asText();
      }
    }

    assertThat(pod.path("volumes").findValuesAsText("name")).contains(configMapName);
    assertThat(chart.get("ConfigMap", configMapName).at("/data/hazelcast.xml").asText()).isNotEmpty();
    assertThat(chart.env("CLUSTER_CONFIG")).isEqualTo(mountPath + "/hazelcast.xml");
  }

  private static Config renderedHazelcastConfig(RenderedChart chart) {
    String xml = chart.get("ConfigMap", RenderedChart.FULLNAME + "-cluster").at("/data/hazelcast.xml").asText();
    return Config.loadFromString(xml);
  }
}
