package com.meetmates.signaling.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Defaults that run, overridden by a file, overridden by the environment. */
class NodeConfigTest {

  @TempDir
  Path directory;

  @Test
  void defaultsRunOnPort3001WithEmbeddedClusterAndNoAuthentication() {
    NodeConfig config = NodeConfig.load(Map.of());

    assertThat(config.port()).isEqualTo(3001);
    assertThat(config.clusterConfig()).isEmpty();
    assertThat(config.jwtSecret()).isEmpty();
    assertThat(config.chat().rateLimitPerSecond()).isEqualTo(50);
    assertThat(config.chat().rateLimitBurst()).isEqualTo(200);
    assertThat(config.chat().maxSdpBytes()).isEqualTo(64 * 1024);
    assertThat(config.chat().maxMessageChars()).isEqualTo(2000);
    assertThat(config.engineIo().maxPayloadBytes()).isEqualTo(1_000_000);
    assertThat(config.iceServers().getJsonObject(0).getString("urls")).startsWith("stun:");
  }

  @Test
  void fileOverridesDefaultsAndEnvironmentOverridesFile() throws Exception {
    Path file = directory.resolve("node.json");
    Files.writeString(file, "{\"PORT\": 4000, \"MAX_MESSAGE_CHARS\": 500, \"ICE_SERVERS\": [{\"urls\": \"turn:t\"}]}");

    NodeConfig config = NodeConfig.load(Map.of(NodeConfig.CONFIG_FILE, file.toString(), NodeConfig.PORT, "4001"));

    assertThat(config.port()).isEqualTo(4001);
    assertThat(config.chat().maxMessageChars()).isEqualTo(500);
    assertThat(config.iceServers().getJsonObject(0).getString("urls")).isEqualTo("turn:t");
  }

  @Test
  void propertiesFileIsReadToo() throws Exception {
    Path file = directory.resolve("node.properties");
    Files.writeString(file, "RATE_LIMIT_PER_SECOND=0\nCORS_ORIGINS=https://a.example, https://b.example\n");

    NodeConfig config = NodeConfig.load(Map.of(NodeConfig.CONFIG_FILE, file.toString()));

    assertThat(config.chat().rateLimited()).isFalse();
    assertThat(config.corsOrigins()).containsExactly("https://a.example", "https://b.example");
  }

  @Test
  void aNonNumericLimitIsReportedByName() {
    NodeConfig config = NodeConfig.load(Map.of(NodeConfig.MAX_SDP_BYTES, "lots"));

    assertThatThrownBy(config::chat).hasMessageContaining("MAX_SDP_BYTES");
  }

  @Test
  void eventLoopsComeFromEventLoopsAndMustBePositive() {
    assertThat(NodeConfig.load(Map.of()).eventLoops()).isEqualTo(NodeConfig.DEFAULT_EVENT_LOOPS);
    assertThat(NodeConfig.load(Map.of(NodeConfig.EVENT_LOOPS, "4")).eventLoops()).isEqualTo(4);
    assertThatThrownBy(NodeConfig.load(Map.of(NodeConfig.EVENT_LOOPS, "0"))::eventLoops)
        .hasMessageContaining("EVENT_LOOPS");
  }
}
