package com.meetmates.signaling.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image tarball that `mvn verify` builds offline (Jib, empty base + jlinked runtime): what a
 * container runtime reads from its config, and whether its own runtime runs the node's classes.
 */
class ContainerImageTest {
  private static final String NON_ROOT_USER = "65532:65532";
  private static final long RUN_TIMEOUT_SECONDS = 120;
  private static final String MAIN_CLASS = "com.meetmates.signaling.node.Main";
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir
  static Path work;
  private static ContainerImage image;

  @BeforeAll
  static void unpack() {
    image = ContainerImage.unpack(work);
  }

  @Test
  void runsAsTheNonRootUserItDeclares() throws IOException {
    assertThat(image.config().path("User").asText()).isEqualTo(NON_ROOT_USER);
    assertThat(Files.readString(image.root().resolve("etc/passwd"))).contains("nonroot:x:65532:65532:");
  }

  @Test
  void exposesTheHttpAndHazelcastPorts() {
    JsonNode ports = image.config().path("ExposedPorts");

    assertThat(ports.has(KubernetesContract.HTTP_PORT + "/tcp")).isTrue();
    assertThat(ports.has(KubernetesContract.HAZELCAST_PORT + "/tcp")).isTrue();
  }

  @Test
  void sizesTheHeapFromTheContainerMemoryThroughAReplaceableVariable() {
    assertThat(image.env("JAVA_TOOL_OPTIONS")).contains("-XX:MaxRAMPercentage=");
    assertThat(image.config().path("Entrypoint").toString()).doesNotContain("MaxRAMPercentage");
  }

  @Test
  void startsTheNodesMainClassWithTheImagesOwnJava() {
    List<String> entrypoint = new ArrayList<>();
    image.config().path("Entrypoint").forEach(part -> entrypoint.add(part.asText()));

    assertThat(entrypoint.get(0)).isEqualTo("java");
    assertThat(image.env("PATH")).isEqualTo("/opt/java/bin");
    assertThat(image.root().resolve("opt/java/bin/java")).isExecutable();
    assertThat(entrypoint).last().isEqualTo(MAIN_CLASS);
  }

  @Test
  void shipsBothHazelcastConfigurations() {
    assertThat(image.root().resolve("opt/meetmates/cluster-config/hazelcast-kubernetes.xml")).isRegularFile();
    assertThat(image.root().resolve("opt/meetmates/cluster-config/hazelcast-local.xml")).isRegularFile();
  }

  @Test
  void itsJava17RuntimeAndCLibrariesLoadTheNodeWithTheImagesJvmOptions() throws Exception {
    ProcessBuilder builder = imageJava("-XshowSettings:properties", "--dry-run").redirectErrorStream(true);
    Process java = builder.start();
    String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(java.waitFor(RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
    assertThat(java.exitValue()).as(output).isZero();
    assertThat(output).contains("java.specification.version = 17")
        .contains("java.home = " + image.root().resolve("opt/java"));
  }

  @Test
  void itsRuntimeRunsTheNodeOnTheNativeTransportWithTheShippedLocalClusterConfigUntilSigterm() throws Exception {
    PortBlock ports = PortBlock.find(2);
    Path log = work.resolve("node-from-image.log");
    ProcessBuilder builder = imageJava().redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(Map.of(
        "PORT", String.valueOf(ports.port(0)),
        "HOST", "127.0.0.1",
        "CLUSTER_CONFIG", image.root().resolve("opt/meetmates/cluster-config/hazelcast-local.xml").toString(),
        "HZ_CLUSTERNAME", "test-" + UUID.randomUUID(),
        "HZ_NETWORK_PORT_PORT", String.valueOf(ports.port(1))));
    Process node = builder.start();
    try {
      await().atMost(Duration.ofSeconds(RUN_TIMEOUT_SECONDS))
          .untilAsserted(() -> assertThat(status(ports.port(0), "/ready")).as("log: %s", Files.readString(log)).isEqualTo(200));
      assertThat(status(ports.port(0), "/health")).isEqualTo(200);
      assertThat(Files.readString(log)).as("Netty's epoll library loads from the image's tmpdir")
          .contains("(native transport)");

      node.destroy();

      assertThat(node.waitFor(RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
      assertThat(Files.readString(log)).containsPattern("node \\S+ stopped");
    } finally {
      node.destroyForcibly();
    }
  }

  /** The image's own java (through its own dynamic loader and C libraries) on the image's classpath and main class. */
  private static ProcessBuilder imageJava(String... options) throws IOException {
    Path root = image.root();
    List<String> command = new ArrayList<>(List.of(
        root.resolve("lib64/ld-linux-x86-64.so.2").toString(),
        "--library-path", root.resolve("lib/x86_64-linux-gnu").toString(),
        root.resolve("opt/java/bin/java").toString()));
    command.addAll(List.of(options));
    command.addAll(List.of("-cp", image.classpathUnderRoot(), MAIN_CLASS));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().clear();
    builder.environment().put("JAVA_TOOL_OPTIONS",
        image.env("JAVA_TOOL_OPTIONS").replace("-Djava.io.tmpdir=/tmp", "-Djava.io.tmpdir=" + work)
            .replace("-Dvertx.cacheDirBase=/tmp/vertx-cache", "-Dvertx.cacheDirBase=" + work.resolve("vertx-cache")));
    return builder;
  }

  private static int status(int port, String path) {
    try {
      HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
          .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
      return response.statusCode();
    } catch (IOException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }
}
