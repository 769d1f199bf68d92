package com.meetmates.signaling.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.config.Config;
import org.junit.jupiter.api.Test;

class HazelcastConfigsTest {

  @Test
  void responsesFromOtherMembersAreCompletedOnTheIoThreadByDefault() {
    assertThat(HazelcastConfigs.prepare(new Config()).getProperty("hazelcast.operation.response.thread.count"))
        .isEqualTo("0");
    assertThat(HazelcastConfigs.embedded().getProperty("hazelcast.operation.response.thread.count")).isEqualTo("0");
  }

  @Test
  void packetsToOtherMembersAreWrittenByTheirSenderByDefault() {
    assertThat(HazelcastConfigs.prepare(new Config()).getProperty("hazelcast.concurrent.window.ms")).isEqualTo("0");
  }

  @Test
  void aClusterFileThatSetsResponseThreadsKeepsItsOwnCount() {
    Config fromFile = new Config().setProperty("hazelcast.operation.response.thread.count", "2");

    assertThat(HazelcastConfigs.prepare(fromFile).getProperty("hazelcast.operation.response.thread.count"))
        .isEqualTo("2");
  }
}
