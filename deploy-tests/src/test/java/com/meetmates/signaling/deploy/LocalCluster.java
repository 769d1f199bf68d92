package com.meetmates.signaling.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local cluster started by local-cluster.sh for one test class. The test port range lies inside
 * the kernel's ephemeral range, so on a busy machine another process's connection can take a port
 * between the check and the bind; such a start is retried on a fresh block of ports, any other
 * failure fails the test.
 */
final class LocalCluster {
  private static final Logger LOG = LoggerFactory.getLogger(LocalCluster.class);
  private static final int ATTEMPTS = 3;
  private static final String PORT_TAKEN = "in use";

  private final LocalClusterScript script;
  private final LocalClusterPorts ports;

  private LocalCluster(LocalClusterScript script, LocalClusterPorts ports) {
    this.script = script;
    this.ports = ports;
  }

  static LocalCluster up(int nodes, Map<String, String> settings, Path work) {
    Path runDirectory = work.resolve("run");
    for (int attempt = 1; ; attempt++) {
      LocalClusterPorts ports = LocalClusterPorts.forNodes(nodes);
      Map<String, String> environment = new HashMap<>(settings);
      environment.putAll(ports.environment());
      environment.put("RUN_DIR", runDirectory.toString());
      LocalClusterScript script = new LocalClusterScript(environment, work);
      LocalClusterScript.Result result = script.attempt("up", String.valueOf(nodes));
      if (result.exitCode() == 0) {
        return new LocalCluster(script, ports);
      }
      boolean portTaken = result.stderr().contains(PORT_TAKEN) || nodeLogsMention(runDirectory, PORT_TAKEN);
      if (!portTaken || attempt == ATTEMPTS) {
        throw new AssertionError("local-cluster.sh up " + nodes + " failed (attempt " + attempt + "):\n" + result.stderr());
      }
      LOG.warn("a port of block {} was taken by another process while the cluster started; retrying on another block", ports);
    }
  }

  LocalClusterScript script() {
    return script;
  }

  LocalClusterPorts ports() {
    return ports;
  }

  void down() {
    script.run("down");
  }

  private static boolean nodeLogsMention(Path runDirectory, String text) {
    try (Stream<Path> files = Files.list(runDirectory)) {
      return files.filter(file -> file.getFileName().toString().endsWith(".log")).anyMatch(log -> {
        try {
          return Files.readString(log).contains(text);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
