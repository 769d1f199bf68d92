package com.meetmates.signaling.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalClusterScriptFailureTest {
  private static final int NODES = 2;

  private final LocalClusterPorts ports = LocalClusterPorts.forNodes(NODES);
  @TempDir
  Path work;

  @Test
  void upFailsLoudlyAndLeavesNothingRecordedWhenANodeDiesAtStartUp() throws IOException {
    LocalClusterScript script = script(StandInJar.write(work, CrashingNode.class, "crashing-node.jar"));

    LocalClusterScript.Result up = script.attempt("up", String.valueOf(NODES));

    assertThat(up.exitCode()).isNotZero();
    assertThat(up.stderr()).contains("node 1 exited").contains("stopping what was started");
    assertThat(Files.readString(work.resolve("run/node1.log"))).contains("configuration rejected");
    assertThat(script.run("status")).contains("no local cluster");
  }

  @Test
  void upRefusesABalancerPortThatIsTakenBeforeStartingAnyNode() throws IOException {
    LocalClusterScript script = script(StandInJar.write(work));

    try (ServerSocket taken = new ServerSocket(ports.balancerPort())) {
      LocalClusterScript.Result up = script.attempt("up", String.valueOf(NODES));

      assertThat(up.exitCode()).isNotZero();
      assertThat(up.stderr()).contains("LB_PORT " + ports.balancerPort() + " is in use");
    }
    assertThat(work.resolve("run/node1.pid")).doesNotExist();
  }

  private LocalClusterScript script(Path jar) {
    Map<String, String> environment = new HashMap<>(ports.environment());
    environment.putAll(Map.of(
        "RUN_DIR", work.resolve("run").toString(),
        "JAR", jar.toString(),
        "READY_TIMEOUT", "60"));
    return new LocalClusterScript(environment, work);
  }
}
