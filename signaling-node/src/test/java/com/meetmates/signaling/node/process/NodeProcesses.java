package com.meetmates.signaling.node.process;

import static org.awaitility.Awaitility.await;

import com.hazelcast.cluster.Member;
import com.meetmates.signaling.cluster.ChatStateContents;
import com.meetmates.signaling.node.Main;
import com.meetmates.signaling.node.NodeConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.awaitility.core.ConditionTimeoutException;

/**
 * N signaling nodes, each a separate JVM ({@code java -cp <this JVM's classpath> Main}) configured only by
 * its environment as in production, forming one Hazelcast cluster on loopback under a private name, with
 * HTTP and member ports from this area's range; a test may add settings to that environment. Each node's output
 * goes to {@code target/node-processes/<test>/attempt-<k>/node-<i>.log}. {@link #close()} kills whatever still
 * runs, and so does a hook when the test JVM itself exits first.
 */
final class NodeProcesses implements AutoCloseable {

  private static final Duration FORMATION_TIMEOUT = Duration.ofSeconds(120);
  private static final Duration POLL = Duration.ofMillis(250);
  private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(2);
  private static final long KILLED_EXIT_TIMEOUT_SECONDS = 10;
  /** Ports of the range are also ephemeral ports: one taken by a connection meanwhile makes a node exit. */
  private static final int START_ATTEMPTS = 3;
  private static final String LOOPBACK = "127.0.0.1";
  private static final Path LOG_ROOT = Path.of(System.getProperty("basedir", ""), "target", "node-processes");
  /** Small and quick to start: three of these share two cores with the test JVM and other builds. */
  private static final List<String> JVM_OPTIONS = List.of(
      "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
      "--add-modules=java.se", "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED",
      "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
      "--add-opens=java.management/sun.management=ALL-UNNAMED",
      "--add-opens=jdk.management/com.sun.management.internal=ALL-UNNAMED");
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(HTTP_TIMEOUT).build();

  /** One node process: its ports, its log, and (once the cluster has formed) its Vert.x node id. */
  private record Node(Process process, int httpPort, int memberPort, Path log) {
  }

  private final List<Node> nodes;
  private final String clusterName;
  private final Thread killOnExit;
  private ClusterObserver observer;
  private List<Member> members = List.of();

  private NodeProcesses(List<Node> nodes, String clusterName) {
    this.nodes = nodes;
    this.clusterName = clusterName;
    this.killOnExit = new Thread(this::killAll, "node-processes-kill-on-exit");
    Runtime.getRuntime().addShutdownHook(killOnExit);
  }

  /** Starts {@code count} nodes and returns once every one is ready and the cluster has all of them. */
  static NodeProcesses start(int count, String testName) throws Exception {
    return start(count, testName, Map.of());
  }

  /**
   * As {@link #start(int, String)}, each node's environment also holding {@code settings} (names from
   * {@link NodeConfig}). With a {@link NodeConfig#LOG_FORMAT} the nodes log through their own logback.xml, the
   * one that honours it; otherwise through the local one, whose Hazelcast membership lines help read a failed run.
   */
  static NodeProcesses start(int count, String testName, Map<String, String> settings) throws Exception {
    for (int attempt = 1; ; attempt++) {
      Path dir = LOG_ROOT.resolve(testName).resolve("attempt-" + attempt);
      NodeProcesses started = launch(count, dir, settings);
      try {
        started.awaitFormed();
        return started;
      } catch (NodeExited exited) {
        started.close();
        if (attempt == START_ATTEMPTS) {
          throw exited;
        }
      } catch (Exception | Error failure) {
        started.close();
        throw failure;
      }
    }
  }

  private static NodeProcesses launch(int count, Path dir, Map<String, String> settings) throws IOException {
    List<Integer> ports = PortRange.freePorts(2 * count);
    List<Integer> memberPorts = ports.subList(count, 2 * count);
    String clusterName = "chaos-" + UUID.randomUUID();
    List<Path> configs = ClusterConfigFiles.write(dir, clusterName, memberPorts);
    List<Node> nodes = new ArrayList<>();
    NodeProcesses started = new NodeProcesses(nodes, clusterName);
    try {
      for (int i = 0; i < count; i++) {
        Path log = dir.resolve("node-" + i + ".log");
        Process process = spawn(dir, ports.get(i), configs.get(i), log, settings);
        nodes.add(new Node(process, ports.get(i), memberPorts.get(i), log));
      }
    } catch (IOException | RuntimeException failure) {
      started.close();
      throw failure;
    }
    return started;
  }

  private static Process spawn(Path dir, int httpPort, Path clusterConfig, Path log, Map<String, String> settings)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JVM_OPTIONS);
    Path logging = settings.containsKey(NodeConfig.LOG_FORMAT) ? nodeLogging() : ClusterConfigFiles.LOCAL_LOGGING;
    command.add("-Dlogback.configurationFile=" + logging);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    Map<String, String> environment = builder.environment();
    String path = environment.get("PATH");
    environment.clear();
    if (path != null) {
      environment.put("PATH", path);
    }
    environment.put(NodeConfig.PORT, String.valueOf(httpPort));
    environment.put(NodeConfig.HOST, LOOPBACK);
    environment.put(NodeConfig.CLUSTER_CONFIG, clusterConfig.toString());
    environment.putAll(settings);
    return builder.start();
  }

  /** The node's own logback.xml, as the container image runs it; the class path's logback-test.xml would win. */
  private static Path nodeLogging() {
    try {
      return Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI()).resolve("logback.xml");
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private void awaitFormed() {
    try {
      await("every node ready").atMost(FORMATION_TIMEOUT).pollInterval(POLL)
          .until(() -> IntStream.range(0, nodes.size()).allMatch(this::isReady));
      observer = ClusterObserver.connect(clusterName, nodes.stream().map(Node::memberPort).toList());
      await("one cluster of " + nodes.size() + " members").atMost(FORMATION_TIMEOUT).pollInterval(POLL)
          .until(() -> {
            IntStream.range(0, nodes.size()).forEach(this::requireAlive);
            return observer.members().size() == nodes.size();
          });
    } catch (ConditionTimeoutException slow) {
      throw new AssertionError("the cluster did not form within " + FORMATION_TIMEOUT + "; logs in "
          + nodes.get(0).log().getParent(), slow);
    }
    members = nodes.stream().map(node -> memberOn(node.memberPort())).toList();
  }

  private boolean isReady(int index) {
    requireAlive(index);
    HttpRequest request = HttpRequest.newBuilder(URI.create(url(index) + "/ready")).timeout(HTTP_TIMEOUT).build();
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException notListeningYet) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void requireAlive(int index) {
    Node node = nodes.get(index);
    if (!node.process().isAlive()) {
      throw new NodeExited("node " + index + " exited with " + node.process().exitValue() + " while starting; see "
          + node.log() + ":\n" + tail(node.log()));
    }
  }

  private Member memberOn(int port) {
    return observer.members().stream().filter(member -> member.getAddress().getPort() == port).findFirst()
        .orElseThrow(() -> new IllegalStateException("no member on port " + port));
  }

  String url(int index) {
    return "http://" + LOOPBACK + ":" + nodes.get(index).httpPort();
  }

  /** The Vert.x node id of the node: what the chat maps record as the owner of its sessions. */
  String nodeId(int index) {
    return ChatStateContents.nodeIdOf(members.get(index));
  }

  /** When the observer heard that the node's member left the cluster ({@link System#nanoTime()}), if it has. */
  Optional<Long> departureOf(int index) {
    return observer.departureOf(members.get(index).getUuid());
  }

  /** The node whose member is the oldest: the one that coordinates the cluster. */
  int oldestMember() {
    int oldestPort = observer.members().get(0).getAddress().getPort();
    return IntStream.range(0, nodes.size()).filter(i -> nodes.get(i).memberPort() == oldestPort).findFirst()
        .orElseThrow();
  }

  ClusterObserver observer() {
    return observer;
  }

  Path log(int index) {
    return nodes.get(index).log();
  }

  /** SIGKILL, as {@code kill -9}: returns {@link System#nanoTime()} at the signal, once the process is gone. */
  long kill(int index) throws InterruptedException {
    Process process = nodes.get(index).process();
    long signalled = System.nanoTime();
    process.destroyForcibly();
    if (!process.waitFor(KILLED_EXIT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      throw new AssertionError("node " + index + " still runs " + KILLED_EXIT_TIMEOUT_SECONDS + " s after SIGKILL");
    }
    return signalled;
  }

  /**
   * SIGSTOP: the process stays, its sockets stay open, it just never answers again, as a machine that vanished
   * or a network partition looks to the others. Only the failure detector can tell. Returns
   * {@link System#nanoTime()} once the signal is sent.
   */
  long freeze(int index) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-STOP", String.valueOf(nodes.get(index).process().pid()))
        .redirectErrorStream(true).start();
    if (!kill.waitFor(KILLED_EXIT_TIMEOUT_SECONDS, TimeUnit.SECONDS) || kill.exitValue() != 0) {
      throw new AssertionError("kill -STOP failed for node " + index + ": "
          + new String(kill.getInputStream().readAllBytes()));
    }
    return System.nanoTime();
  }

  /** SIGTERM, as a rolling update sends: returns {@link System#nanoTime()} at the signal, without waiting. */
  long terminate(int index) {
    long signalled = System.nanoTime();
    nodes.get(index).process().destroy();
    return signalled;
  }

  /** Waits for the node to end by itself; returns its exit code, or fails if it still runs. */
  int awaitExit(int index, Duration timeout) throws InterruptedException {
    Process process = nodes.get(index).process();
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("node " + index + " still runs " + timeout + " after the signal; see " + log(index));
    }
    return process.exitValue();
  }

  @Override
  public void close() {
    try {
      if (observer != null) {
        observer.close();
      }
    } finally {
      killAll();
      Runtime.getRuntime().removeShutdownHook(killOnExit);
    }
  }

  private void killAll() {
    nodes.forEach(node -> node.process().destroyForcibly());
    for (Node node : nodes) {
      try {
        node.process().waitFor(KILLED_EXIT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A node process ended before the cluster formed (most often: a port of the range was taken meanwhile). */
  private static final class NodeExited extends RuntimeException {
    NodeExited(String message) {
      super(message);
    }
  }
}
