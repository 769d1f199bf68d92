package com.meetmates.signaling.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalClusterScriptFailureTest {
  /** Ports of this test, inside the deploy helper's range 44000-44999. */
  private static final int BASE_PORT = 44300;
  private static final int LB_PORT = 44003;
  private static final int HAZELCAST_BASE_PORT = 44770;

  @TempDir
  Path work;

  @Test
  void upFailsLoudlyAndLeavesNothingRecordedWhenANodeDiesAtStartUp() throws IOException {
    LocalClusterScript script = script(StandInJar.write(work, CrashingNode.class, "crashing-node.jar"));

    LocalClusterScript.Result up = script.attempt("up", "2");

    assertThat(up.exitCode()).isNotZero();
    assertThat(up.stderr()).contains("node 1 exited").contains("stopping what was started");
    assertThat(Files.readString(work.resolve("run/node1.log"))).contains("configuration rejected");
    assertThat(script.run("status")).contains("no local cluster");
  }

  @Test
  void upRefusesABalancerPortThatIsTakenBeforeStartingAnyNode() throws IOException {
    LocalClusterScript script = script(StandInJar.write(work));

    try (ServerSocket taken = new ServerSocket(LB_PORT)) {
      LocalClusterScript.Result up = script.attempt("up", "2");

      assertThat(up.exitCode()).isNotZero();
      assertThat(up.stderr()).contains("LB_PORT " + LB_PORT + " is in use");
    }
    assertThat(work.resolve("run/node1.pid")).doesNotExist();
  }

  private LocalClusterScript script(Path jar) {
    return new LocalClusterScript(Map.of(
        "BASE_PORT", String.valueOf(BASE_PORT),
        "LB_PORT", String.valueOf(LB_PORT),
        "HZ_BASE_PORT", String.valueOf(HAZELCAST_BASE_PORT),
        "RUN_DIR", work.resolve("run").toString(),
        "JAR", jar.toString(),
        "READY_TIMEOUT", "60"), work);
  }
}
