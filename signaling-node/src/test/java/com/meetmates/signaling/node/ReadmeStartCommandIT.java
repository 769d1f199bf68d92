package com.meetmates.signaling.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The README's start command, run as a new user runs it: the packaged jar, no settings, port 3001.
 * Runs in the integration-test phase, after the jar has been built.
 */
class ReadmeStartCommandIT {

  private static final int README_PORT = 3001;
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private Process node;

  @AfterEach
  void stopNode() throws InterruptedException {
    if (node != null) {
      node.destroy();
      node.waitFor();
    }
  }

  @Test
  void packagedJarAnswersTheEngineIoHandshakeOnPort3001() throws Exception {
    Path jar = Path.of(System.getProperty("signaling.fatJar", "target/signaling-node-0.1.0-SNAPSHOT-fat.jar"));
    assertThat(jar).as("the jar the README starts; build it with mvn package").exists();
    Path log = Files.createTempFile("readme-node", ".log");
    ProcessBuilder command = new ProcessBuilder(javaExecutable(), "-jar", jar.toString())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    command.environment().keySet().removeIf(name -> name.equals(NodeConfig.PORT) || name.equals(NodeConfig.CLUSTER_CONFIG));
    node = command.start();

    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest handshake = HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + README_PORT + "/socket.io/?EIO=4&transport=polling")).build();
    String[] body = new String[1];
    Awaitility.await("handshake on port 3001 (node log: " + log + ")").atMost(START_TIMEOUT).ignoreExceptionsInstanceOf(IOException.class)
        .until(() -> {
          assertThat(node.isAlive()).as("node process alive (log: " + log + ")").isTrue();
          HttpResponse<String> response = http.send(handshake, HttpResponse.BodyHandlers.ofString());
          body[0] = response.body();
          return response.statusCode() == 200;
        });

    assertThat(Files.readString(log)).as("the handshake came from this node").contains("listening on port 3001");
    assertThat(body[0]).startsWith("0{\"sid\":").contains("\"upgrades\":[\"websocket\"]").contains("\"maxPayload\":1000000");
  }

  private static String javaExecutable() {
    return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
  }
}
