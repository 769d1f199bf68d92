package com.meetmates.loadtests.smoke;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * One signaling node in its own JVM, started from signaling-node's classes as an operator would
 * start the jar: a single Hazelcast member that joins nobody, on loopback, on a port of this
 * module's range, with a unique cluster name; the per-socket rate limit off (the simulations send
 * faster than a person).
 */
final class SignalingNodeProcess implements AutoCloseable {

  /** The smoke node publishes Hazelcast metrics every second, so readings need wait only this long. */
  static final Duration HAZELCAST_PUBLISH_LAG = Duration.ofMillis(1500);
  private static final String MAIN = "com.meetmates.signaling.node.Main";
  private static final Duration READY_TIMEOUT = Duration.ofMinutes(2);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
  /** Hazelcast member ports for smoke nodes: inside this module's range 45000-45999. */
  private static final int HAZELCAST_PORT = 45700;
  private static final String HAZELCAST_CONFIG = """
      <hazelcast xmlns="http://www.hazelcast.com/schema/config">
        <cluster-name>%s</cluster-name>
        <network>
          <port auto-increment="true" port-count="50">%d</port>
          <join>
            <auto-detection enabled="false"/>
            <multicast enabled="false"/>
            <tcp-ip enabled="false"/>
          </join>
          <interfaces enabled="true">
            <interface>127.0.0.1</interface>
          </interfaces>
        </network>
        <metrics enabled="true">
          <collection-frequency-seconds>1</collection-frequency-seconds>
        </metrics>
      </hazelcast>
      """;
  private static final List<String> JVM_OPTIONS = List.of("-Xmx256m",
      "--add-modules", "java.se",
      "--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED",
      "--add-opens", "java.base/java.lang=ALL-UNNAMED",
      "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
      "--add-opens", "java.management/sun.management=ALL-UNNAMED",
      "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED");

  private final Process process;
  private final int port;
  private final Path log;

  private SignalingNodeProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  static SignalingNodeProcess start() throws IOException {
    int port = freePort();
    Path log = Path.of("target", "smoke-node-" + port + ".log");
    Files.createDirectories(log.getParent());
    Path hazelcast = Path.of("target", "smoke-node-" + port + "-hazelcast.xml");
    Files.writeString(hazelcast, String.format(HAZELCAST_CONFIG, "loadtests-smoke-" + UUID.randomUUID(), HAZELCAST_PORT));
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JVM_OPTIONS);
    command.add("-cp");
    command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
    command.add(MAIN);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("PORT", Integer.toString(port));
    builder.environment().put("RATE_LIMIT_PER_SECOND", "0");
    builder.environment().put("CLUSTER_CONFIG", hazelcast.toAbsolutePath().toString());
    builder.environment().put("CLUSTER_HOST", "127.0.0.1");
    SignalingNodeProcess node = new SignalingNodeProcess(builder.start(), port, log);
    try {
      await().atMost(READY_TIMEOUT).pollInterval(Duration.ofMillis(250)).until(node::ready);
    } catch (RuntimeException e) {
      node.close();
      throw new IllegalStateException("the node did not become ready; its log: " + log.toAbsolutePath(), e);
    }
    return node;
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  long pid() {
    return process.pid();
  }

  private boolean ready() {
    if (!process.isAlive()) {
      throw new IllegalStateException("the node exited with " + process.exitValue() + "; its log: " + log.toAbsolutePath());
    }
    try {
      HttpResponse<Void> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
          .send(HttpRequest.newBuilder(URI.create(baseUrl() + "/ready")).timeout(Duration.ofSeconds(5)).build(),
              HttpResponse.BodyHandlers.discarding());
      return response.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
