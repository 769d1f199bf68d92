package com.meetmates.signaling.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
    assertThat(entrypoint).last().isEqualTo("com.meetmates.signaling.node.Main");
  }

  @Test
  void shipsBothHazelcastConfigurations() {
    assertThat(image.root().resolve("opt/meetmates/cluster-config/hazelcast-kubernetes.xml")).isRegularFile();
    assertThat(image.root().resolve("opt/meetmates/cluster-config/hazelcast-local.xml")).isRegularFile();
  }

  @Test
  void itsJava17RuntimeAndCLibrariesLoadTheNodeWithTheImagesJvmOptions() throws Exception {
    Path root = image.root();
    List<String> command = new ArrayList<>(List.of(
        root.resolve("lib64/ld-linux-x86-64.so.2").toString(),
        "--library-path", root.resolve("lib/x86_64-linux-gnu").toString(),
        root.resolve("opt/java/bin/java").toString(),
        "-XshowSettings:properties", "--dry-run",
        "-cp", image.classpathUnderRoot(),
        "com.meetmates.signaling.node.Main"));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().clear();
    builder.environment().put("JAVA_TOOL_OPTIONS", image.env("JAVA_TOOL_OPTIONS"));
    Process java = builder.start();
    String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(java.waitFor(RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
    assertThat(java.exitValue()).as(output).isZero();
    assertThat(output).contains("java.specification.version = 17").contains("java.home = " + root.resolve("opt/java"));
  }
}
