package com.meetmates.signaling.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.spi.merge.PutIfAbsentMergePolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HazelcastKubernetesConfigTest {
  /** System-property form of the HZ_NETWORK_JOIN_KUBERNETES_SERVICEDNS override the chart sets. */
  private static final String SERVICE_DNS_OVERRIDE = "hz.network.join.kubernetes.service-dns";

  @AfterEach
  void clearOverride() {
    System.clearProperty(SERVICE_DNS_OVERRIDE);
  }

  @Test
  void discoversMembersThroughHeadlessServiceDnsOnly() {
    JoinConfig join = HazelcastConfigs.load(HazelcastConfigs.KUBERNETES).getNetworkConfig().getJoin();

    assertThat(join.getMulticastConfig().isEnabled()).isFalse();
    assertThat(join.getTcpIpConfig().isEnabled()).isFalse();
    assertThat(join.getAutoDetectionConfig().isEnabled()).isFalse();
    assertThat(join.getKubernetesConfig().isEnabled()).isTrue();
    assertThat(join.getKubernetesConfig().getProperty("service-dns")).endsWith(".svc.cluster.local");
  }

  @Test
  void listensOnTheFixedMemberPortTheHeadlessServiceExposes() {
    NetworkConfig network = HazelcastConfigs.load(HazelcastConfigs.KUBERNETES).getNetworkConfig();

    assertThat(network.getPort()).isEqualTo(KubernetesContract.HAZELCAST_PORT);
    assertThat(network.isPortAutoIncrement()).isFalse();
    assertThat(network.getJoin().getKubernetesConfig().getProperty("service-port"))
        .isEqualTo(String.valueOf(KubernetesContract.HAZELCAST_PORT));
  }

  @Test
  void removesASilentMemberWithinSecondsNotTheDefaultMinute() {
    Config config = HazelcastConfigs.load(HazelcastConfigs.KUBERNETES);

    assertThat(HazelcastConfigs.intProperty(config, "hazelcast.heartbeat.interval.seconds")).isEqualTo(1);
    assertThat(HazelcastConfigs.intProperty(config, "hazelcast.max.no.heartbeat.seconds")).isBetween(3, 8);
  }

  @Test
  void migratesGracefullyWithinTheBudgetOfTheChartsGracePeriod() {
    Config config = HazelcastConfigs.load(HazelcastConfigs.KUBERNETES);

    assertThat(config.getProperty("hazelcast.shutdownhook.policy")).isEqualTo("GRACEFUL");
    assertThat(HazelcastConfigs.intProperty(config, "hazelcast.graceful.shutdown.max.wait"))
        .isLessThan(KubernetesContract.DEFAULT_TERMINATION_GRACE_SECONDS);
  }

  @Test
  void keepsOneBackupAndStatesTheMergePolicy() {
    Config config = HazelcastConfigs.load(HazelcastConfigs.KUBERNETES);

    assertThat(config.getMapConfig("pairs").getBackupCount()).isEqualTo(1);
    assertThat(config.getMapConfig("pairs").getMergePolicyConfig().getPolicy())
        .isEqualTo(PutIfAbsentMergePolicy.class.getName());
    assertThat(config.getMultiMapConfig("__vertx.subs").getBackupCount()).isEqualTo(1);
  }

  @Test
  void takesTheServiceDnsFromHazelcastsEnvironmentOverride() {
    System.setProperty(SERVICE_DNS_OVERRIDE, "other-hazelcast.prod.svc.cluster.local");

    Config config = HazelcastConfigs.load(HazelcastConfigs.KUBERNETES);

    assertThat(config.getNetworkConfig().getJoin().getKubernetesConfig().getProperty("service-dns"))
        .isEqualTo("other-hazelcast.prod.svc.cluster.local");
  }
}
