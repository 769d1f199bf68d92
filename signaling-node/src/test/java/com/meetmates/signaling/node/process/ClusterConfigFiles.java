package com.meetmates.signaling.node.process;

import com.hazelcast.config.Config;
import com.hazelcast.config.ConfigXmlGenerator;
import com.hazelcast.config.TcpIpConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The CLUSTER_CONFIG files of a test's node processes: the project's own local configuration
 * (cluster-config/hazelcast-local.xml, with its failure detection and join timings) moved to a private cluster
 * name and to exact member ports, so that the nodes join only each other and the test knows which process
 * holds which member.
 */
final class ClusterConfigFiles {

  static final Path LOCAL_CONFIG = moduleDir().resolve("../cluster-config/hazelcast-local.xml").normalize();
  static final Path LOCAL_LOGGING = moduleDir().resolve("../cluster-config/logback-local.xml").normalize();
  private static final String LOOPBACK = "127.0.0.1";
  private static final String NO_HEARTBEAT_SECONDS = "hazelcast.max.no.heartbeat.seconds";

  private ClusterConfigFiles() {
  }

  /** One file per member: the same cluster and member list, each with its own port. */
  static List<Path> write(Path dir, String clusterName, List<Integer> memberPorts) throws IOException {
    Files.createDirectories(dir);
    List<String> members = memberPorts.stream().map(port -> LOOPBACK + ":" + port).toList();
    return memberPorts.stream().map(port -> {
      Config config = local().setClusterName(clusterName);
      config.getNetworkConfig().setPort(port).setPortAutoIncrement(false);
      TcpIpConfig tcpIp = config.getNetworkConfig().getJoin().getTcpIpConfig();
      tcpIp.setMembers(members);
      Path file = dir.resolve("hazelcast-" + port + ".xml");
      try {
        Files.writeString(file, new ConfigXmlGenerator(true, false).generate(config));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return file;
    }).toList();
  }

  /** After how many silent seconds the local configuration declares a member dead. */
  static int failureDetectionSeconds() {
    return Integer.parseInt(local().getProperty(NO_HEARTBEAT_SECONDS));
  }

  private static Config local() {
    if (!Files.isRegularFile(LOCAL_CONFIG)) {
      throw new IllegalStateException("the local Hazelcast configuration is missing: " + LOCAL_CONFIG);
    }
    try {
      return Config.loadFromFile(LOCAL_CONFIG.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + LOCAL_CONFIG, e);
    }
  }

  /** Surefire runs tests in the module directory and says so in {@code basedir}. */
  private static Path moduleDir() {
    return Path.of(System.getProperty("basedir", "")).toAbsolutePath();
  }
}
