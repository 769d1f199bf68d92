package com.meetmates.signaling.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.spi.merge.PutIfAbsentMergePolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HazelcastLocalConfigTest {
  /** Member ports of this test, inside the deploy helper's port range. */
  private static final int BASE_PORT = 44701;
  private static final Duration DETECTION_LIMIT = Duration.ofSeconds(12);

  private final List<HazelcastInstance> members = new ArrayList<>();

  @AfterEach
  void stopMembers() {
    members.forEach(member -> member.getLifecycleService().terminate());
  }

  @Test
  void joinsOverTcpIpOnLoopbackWithMulticastOff() {
    JoinConfig join = HazelcastConfigs.load(HazelcastConfigs.LOCAL).getNetworkConfig().getJoin();

    assertThat(join.getMulticastConfig().isEnabled()).isFalse();
    assertThat(join.getAutoDetectionConfig().isEnabled()).isFalse();
    assertThat(join.getTcpIpConfig().isEnabled()).isTrue();
    assertThat(join.getTcpIpConfig().getMembers()).containsExactly("127.0.0.1");
  }

  @Test
  void removesASilentMemberWithinSecondsNotTheDefaultMinute() {
    Config config = HazelcastConfigs.load(HazelcastConfigs.LOCAL);

    assertThat(HazelcastConfigs.intProperty(config, "hazelcast.heartbeat.interval.seconds")).isEqualTo(1);
    assertThat(HazelcastConfigs.intProperty(config, "hazelcast.max.no.heartbeat.seconds")).isBetween(3, 6);
  }

  @Test
  void leavesShutdownToTheNodeAndMigratesGracefullyWhenAsked() {
    Config config = HazelcastConfigs.load(HazelcastConfigs.LOCAL);

    assertThat(config.getProperty("hazelcast.shutdownhook.enabled")).isEqualTo("false");
    assertThat(config.getProperty("hazelcast.shutdownhook.policy")).isEqualTo("GRACEFUL");
  }

  @Test
  void keepsOneBackupAndStatesTheMergePolicyForEveryMapVertxUses() {
    Config config = HazelcastConfigs.load(HazelcastConfigs.LOCAL);

    assertThat(config.getMapConfig("sessions").getBackupCount()).isEqualTo(1);
    assertThat(config.getMapConfig("sessions").getMergePolicyConfig().getPolicy())
        .isEqualTo(PutIfAbsentMergePolicy.class.getName());
    assertThat(config.getMapConfig("__vertx.nodeInfo").getBackupCount()).isEqualTo(1);
    assertThat(config.getMultiMapConfig("__vertx.subs").getBackupCount()).isEqualTo(1);
    assertThat(config.getMultiMapConfig("__vertx.subs").getValueCollectionType().name()).isEqualTo("SET");
  }

  @Test
  void threeMembersOnOneMachineFormOneClusterAndDropAKilledMemberWithinSeconds() {
    String clusterName = "test-" + UUID.randomUUID();
    for (int i = 0; i < 3; i++) {
      members.add(Hazelcast.newHazelcastInstance(localConfig(clusterName)));
    }
    await().atMost(Duration.ofSeconds(30))
        .until(() -> members.get(0).getCluster().getMembers().size() == 3);

    HazelcastInstance killed = members.remove(2);
    killed.getLifecycleService().terminate();

    await().atMost(DETECTION_LIMIT).untilAsserted(() -> {
      assertThat(members.get(0).getCluster().getMembers()).hasSize(2);
      assertThat(members.get(1).getCluster().getMembers()).hasSize(2);
    });
  }

  private static Config localConfig(String clusterName) {
    Config config = HazelcastConfigs.load(HazelcastConfigs.LOCAL);
    config.setClusterName(clusterName);
    config.getNetworkConfig().setPort(BASE_PORT);
    return config;
  }
}
