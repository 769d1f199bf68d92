package com.meetmates.signaling.node;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.json.JSONException;
import org.json.JSONObject;

/**
 * A signaling node in its own JVM, started as production starts it: {@link Main} with the node's logback.xml,
 * configured by environment variables, logging JSON lines to a file the test reads.
 */
final class NodeProcess implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
  private static final Pattern LISTENING = Pattern.compile("node (\\S+) listening on port (\\d+)");

  private final Process process;
  private final Path log;
  private String nodeId;
  private int port;

  private NodeProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /**
   * Starts a node on a random HTTP port with the given Hazelcast file and further settings; its console goes
   * to {@code log} (a file, so that nothing is lost when the process ends).
   */
  static NodeProcess start(Path hazelcastFile, Map<String, String> settings, Path log) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-XX:TieredStopAtLevel=1",
        "-Dlogback.configurationFile=" + nodeLogbackFile(),
        "-cp", System.getProperty("java.class.path"),
        Main.class.getName())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    Map<String, String> environment = builder.environment();
    environment.put(NodeConfig.PORT, "0");
    environment.put(NodeConfig.HOST, "127.0.0.1");
    environment.put(NodeConfig.CLUSTER_CONFIG, hazelcastFile.toString());
    environment.put(NodeConfig.CLUSTER_HOST, "127.0.0.1");
    environment.put(NodeConfig.LOG_FORMAT, "json");
    environment.putAll(settings);
    return new NodeProcess(builder.start(), log);
  }

  /** The production logging configuration, not the tests' logback-test.xml that the class path also holds. */
  private static Path nodeLogbackFile() {
    try {
      return Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI()).resolve("logback.xml");
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Waits for the node's "listening" line; fails with the node's output if it exits or takes too long. */
  NodeProcess awaitListening() {
    await().atMost(START_TIMEOUT).until(() -> {
      if (!process.isAlive()) {
        throw new AssertionError("node process exited with " + process.exitValue() + ":\n" + output());
      }
      return jsonLines().stream().map(line -> LISTENING.matcher(line.optString("message")))
          .filter(Matcher::find).findFirst().map(found -> {
            nodeId = found.group(1);
            port = Integer.parseInt(found.group(2));
            return true;
          }).orElse(false);
    });
    return this;
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  String nodeId() {
    return nodeId;
  }

  /** SIGTERM, as a container runtime or {@code kill} sends it. */
  void terminate() {
    process.destroy();
  }

  boolean awaitExit(Duration timeout) throws InterruptedException {
    return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Every line the node wrote that is a JSON object (the JVM's own warnings before logging starts are not). */
  List<JSONObject> jsonLines() throws IOException {
    return Files.readAllLines(log).stream().map(NodeProcess::parse).flatMap(Optional::stream).toList();
  }

  Optional<JSONObject> firstLine(Predicate<JSONObject> condition) throws IOException {
    return jsonLines().stream().filter(condition).findFirst();
  }

  String output() throws IOException {
    return Files.readString(log);
  }

  private static Optional<JSONObject> parse(String line) {
    if (!line.startsWith("{")) {
      return Optional.empty();
    }
    try {
      return Optional.of(new JSONObject(line));
    } catch (JSONException e) {
      return Optional.empty();
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }
}
