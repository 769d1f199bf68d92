package com.meetmates.loadtests.smoke;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one Gatling simulation in its own JVM, as the Maven plugin would: its exit code says whether
 * the simulation's assertions held, and its report lands under target/gatling-smoke.
 */
final class GatlingRun {

  static final Path RESULTS = Path.of("target", "gatling-smoke");
  private static final String GATLING_MAIN = "io.gatling.app.Gatling";
  /** What gatling-maven-plugin gives its forked JVM: a heap, and java.lang opened for its log writer. */
  private static final List<String> GATLING_JVM_OPTIONS = List.of("-Xmx512m", "--add-opens=java.base/java.lang=ALL-UNNAMED");

  record Outcome(int exitCode, String output) {
  }

  private GatlingRun() {
  }

  static Outcome run(Class<?> simulation, Map<String, String> properties, Duration timeout)
      throws IOException, InterruptedException {
    Files.createDirectories(RESULTS);
    Path log = RESULTS.resolve(simulation.getSimpleName() + ".log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(GATLING_JVM_OPTIONS);
    properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
    command.add("-cp");
    command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
    command.add(GATLING_MAIN);
    command.add("--simulation");
    command.add(simulation.getName());
    command.add("--results-folder");
    command.add(RESULTS.toAbsolutePath().toString());
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
      throw new IllegalStateException(simulation.getSimpleName() + " did not finish within " + timeout + "; see " + log);
    }
    return new Outcome(process.exitValue(), Files.readString(log));
  }
}
