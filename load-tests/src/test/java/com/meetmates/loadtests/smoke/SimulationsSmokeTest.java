package com.meetmates.loadtests.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import com.meetmates.loadtests.driver.HazelcastTally;
import com.meetmates.loadtests.driver.Placement;
import com.meetmates.loadtests.driver.Protocol;
import com.meetmates.loadtests.driver.RelayDriver;
import com.meetmates.loadtests.driver.RelayOptions;
import com.meetmates.loadtests.driver.RelayResult;
import com.meetmates.loadtests.simulations.ChatLifecycleSimulation;
import com.meetmates.loadtests.simulations.IdleSessionsSimulation;
import com.meetmates.loadtests.simulations.RelaySimulation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A short run of every benchmark against a real signaling node, so that the load tests never rot:
 * each run's own assertions (zero KO, every user's events adding up, expected counts) must hold.
 */
class SimulationsSmokeTest {

  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(3);
  private static SignalingNodeProcess node;

  @BeforeAll
  static void startNode() throws Exception {
    node = SignalingNodeProcess.start();
  }

  @AfterAll
  static void stopNode() {
    if (node != null) {
      node.close();
    }
  }

  private static void assertPassed(GatlingRun.Outcome outcome) {
    assertThat(outcome.exitCode()).as("Gatling exit code; its output:%n%s", outcome.output()).isZero();
    assertThat(outcome.output()).contains("Reports generated").doesNotContain(": false");
  }

  @Test
  void chatLifecycleOfEightUsersOverTwoChatsEachChecksOut() throws Exception {
    assertPassed(GatlingRun.run(ChatLifecycleSimulation.class,
        Map.of("baseUrl", node.baseUrl(), "atOnceUsers", "8", "rounds", "2"), RUN_TIMEOUT));
  }

  @Test
  void relayOfTenUsersDeliversEveryCandidate() throws Exception {
    assertPassed(GatlingRun.run(RelaySimulation.class,
        Map.of("baseUrl", node.baseUrl(), "users", "10", "rampSeconds", "0", "ratePerUser", "20", "relaySeconds", "2"),
        RUN_TIMEOUT));
  }

  @Test
  void idleSessionsAreHeldAndMeasured() throws Exception {
    Path result = Path.of("target", "gatling-smoke", "idle-sessions.txt");
    Files.deleteIfExists(result);

    assertPassed(GatlingRun.run(IdleSessionsSimulation.class,
        Map.of("baseUrl", node.baseUrl(), "sessions", "50", "rampSeconds", "1", "holdSeconds", "30",
            "nodePid", Long.toString(node.pid()), "resultFile", result.toString(),
            "sources", "127.0.0.2,127.0.0.3"),
        RUN_TIMEOUT));

    assertThat(result).exists();
    assertThat(Files.readString(result)).startsWith("idle sessions: 50 held");
  }

  @Test
  void relayDriverTimesEveryPairAndLosesNothing() throws Exception {
    RelayResult result = new RelayDriver(new RelayOptions(List.of(node.baseUrl()), Protocol.SOCKETIO,
        Placement.SAME_NODE, 4, 400, RelayOptions.DEFAULT_WINDOW, Duration.ofMillis(200), Duration.ofSeconds(1),
        List.of(), 1, List.of(node.pid()), true,
        SignalingNodeProcess.HAZELCAST_PUBLISH_LAG)).run();

    assertThat(result.lost()).isZero();
    assertThat(result.findChatToChatStart().getTotalCount()).isEqualTo(4);
    assertThat(result.offerToPartner().getTotalCount()).isEqualTo(4);
    assertThat(result.relayLatency().getTotalCount()).isEqualTo(result.receivedInWindow()).isGreaterThan(200);
    HazelcastTally hazelcast = result.hazelcast();
    assertThat(hazelcast.dataStructureCausedBy(hazelcast.setUp())).as("Hazelcast operations to pair 4 couples").isPositive();
    assertThat(hazelcast.dataStructureCausedBy(hazelcast.relay()) / result.received())
        .as("Hazelcast operations per relayed message beyond the idle background").isLessThan(0.01);
  }
}
