package com.meetmates.signaling.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * local-cluster.sh with three stand-in nodes (real Hazelcast members of hazelcast-local.xml, see
 * {@link StandInNode}) behind the real HAProxy. The real signaling node's transports through the
 * balancer are tested once that node exists; this test covers the script, the configuration and
 * the balancer's stickiness and health checks.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalClusterScriptTest {
  private static final int NODES = 3;
  private static final String CORS_ORIGINS = "https://meetmates.test";
  private static final Pattern STICKY_COOKIE = Pattern.compile("MMNODE=([^;]+)");
  private static final Pattern STATUS_LINE = Pattern.compile("(?m)^node(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+running");

  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  private static int basePort;
  private static int balancerPort;
  private static LocalCluster cluster;
  private static LocalClusterScript script;
  /** The same script called with nothing but the run directory, as a person would call status or down later. */
  private static LocalClusterScript bareScript;

  @BeforeAll
  static void startCluster() {
    Path work = Path.of("target", "local-cluster-script-test").toAbsolutePath();
    Path jar = StandInJar.write(work);
    cluster = LocalCluster.up(NODES, Map.of(
        "CLUSTER_NAME", "test-" + UUID.randomUUID(),
        "JAR", jar.toString(),
        "CORS_ORIGINS", CORS_ORIGINS), work);
    script = cluster.script();
    bareScript = new LocalClusterScript(Map.of("RUN_DIR", work.resolve("run").toString()), work);
    basePort = cluster.ports().basePort();
    balancerPort = cluster.ports().balancerPort();
  }

  @AfterAll
  static void stopCluster() {
    script.run("down");
  }

  @Test
  @Order(1)
  void upReturnsOnceEveryNodeIsReadyInOneClusterOfAllNodes() throws Exception {
    assertThat(Files.readString(Path.of("target", "local-cluster-script-test", "run", "node1.log")))
        .contains("Members {size:" + NODES);
    for (int node = 1; node <= NODES; node++) {
      assertThat(get(basePort + node, "/ready").statusCode()).isEqualTo(200);
      assertThat(get(basePort + node, "/members").body()).isEqualTo(String.valueOf(NODES));
    }
  }

  @Test
  @Order(2)
  void statusPrintsEachNodesPortAndLivePidFromTheSettingsUpRecorded() {
    Matcher lines = STATUS_LINE.matcher(bareScript.run("status"));
    int seen = 0;
    while (lines.find()) {
      int node = Integer.parseInt(lines.group(1));
      assertThat(Integer.parseInt(lines.group(2))).isEqualTo(basePort + node);
      assertThat(ProcessHandle.of(Long.parseLong(lines.group(3)))).isPresent();
      seen++;
    }
    assertThat(seen).isEqualTo(NODES);
  }

  @Test
  @Order(3)
  void theCallersEnvironmentReachesEveryNode() throws Exception {
    for (int node = 1; node <= NODES; node++) {
      assertThat(get(basePort + node, "/env?name=CORS_ORIGINS").body()).isEqualTo(CORS_ORIGINS);
    }
  }

  @Test
  @Order(4)
  void balancerSpreadsNewClientsOverTheNodes() throws Exception {
    Set<String> nodes = new HashSet<>();
    for (int request = 0; request < 4 * NODES; request++) {
      nodes.add(get(balancerPort, "/node").body());
    }
    assertThat(nodes).hasSize(NODES);
  }

  @Test
  @Order(5)
  void balancerKeepsEveryRequestCarryingItsCookieOnOneNode() throws Exception {
    HttpResponse<String> first = get(balancerPort, "/node");
    String cookie = first.headers().firstValue("set-cookie").orElseThrow();
    Matcher sticky = STICKY_COOKIE.matcher(cookie);
    assertThat(sticky.find()).as("sticky cookie in %s", cookie).isTrue();

    for (int request = 0; request < 4 * NODES; request++) {
      assertThat(get(balancerPort, "/node", "MMNODE=" + sticky.group(1)).body()).isEqualTo(first.body());
    }
  }

  @Test
  @Order(6)
  void balancerSendsNothingToANodeWhoseReadinessTurnedFalse() throws Exception {
    int drainedPort = basePort + NODES;
    get(drainedPort, "/drain");

    await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
      Set<String> ports = new HashSet<>();
      for (int request = 0; request < 4 * NODES; request++) {
        ports.add(get(balancerPort, "/node", "MMNODE=node" + NODES).body());
      }
      assertThat(ports).doesNotContain(String.valueOf(drainedPort)).isNotEmpty();
    });
  }

  @Test
  @Order(7)
  void downStopsEveryNodeAndTheBalancer() {
    Matcher lines = STATUS_LINE.matcher(script.run("status"));
    Set<Long> pids = new HashSet<>();
    while (lines.find()) {
      pids.add(Long.parseLong(lines.group(3)));
    }

    bareScript.run("down");

    assertThat(pids).hasSize(NODES);
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(pids).noneMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)));
    assertThat(script.run("status")).contains("no local cluster");
    assertThat(isListening(balancerPort)).isFalse();
  }

  private static HttpResponse<String> get(int port, String path, String... cookie) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(10));
    if (cookie.length > 0) {
      request.header("Cookie", cookie[0]);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static boolean isListening(int port) {
    try (java.net.Socket ignored = new java.net.Socket("127.0.0.1", port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
