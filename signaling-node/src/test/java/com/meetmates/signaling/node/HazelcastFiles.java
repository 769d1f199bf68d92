package com.meetmates.signaling.node;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hazelcast configuration files (CLUSTER_CONFIG) for nodes started the way production starts them: TCP/IP join
 * on 127.0.0.1 only, a unique cluster name, member ports from this area's range (47750-47799), no multicast.
 */
final class HazelcastFiles {

  private static final int FIRST_PORT = 47750;
  private static final int PORTS = 50;
  private static final AtomicInteger NEXT_PORT = new AtomicInteger();

  private HazelcastFiles() {
  }

  /** The next port of the range that can be bound now (the range lies among the ephemeral ports). */
  private static int freePort() {
    for (int attempt = 0; attempt < PORTS; attempt++) {
      int port = FIRST_PORT + NEXT_PORT.getAndIncrement() % PORTS;
      try (ServerSocket probe = new ServerSocket()) {
        probe.setReuseAddress(true);
        probe.bind(new InetSocketAddress("127.0.0.1", port));
        return port;
      } catch (IOException taken) {
        continue;
      }
    }
    throw new IllegalStateException("no free port in " + FIRST_PORT + "-" + (FIRST_PORT + PORTS - 1));
  }

  /** One file per member of a new cluster of {@code members} members. */
  static List<Path> cluster(Path directory, int members) throws IOException {
    String clusterName = "test-" + UUID.randomUUID();
    List<Integer> ports = new ArrayList<>();
    for (int i = 0; i < members; i++) {
      ports.add(freePort());
    }
    StringBuilder memberList = new StringBuilder();
    ports.forEach(port -> memberList.append("        <member>127.0.0.1:").append(port).append("</member>\n"));
    List<Path> files = new ArrayList<>();
    for (int port : ports) {
      Path file = directory.resolve("hazelcast-" + port + ".xml");
      Files.writeString(file, """
          <hazelcast xmlns="http://www.hazelcast.com/schema/config">
            <cluster-name>%s</cluster-name>
            <properties>
              <property name="hazelcast.wait.seconds.before.join">0</property>
              <property name="hazelcast.max.join.seconds">10</property>
              <property name="hazelcast.heartbeat.interval.seconds">1</property>
              <property name="hazelcast.max.no.heartbeat.seconds">5</property>
              <property name="hazelcast.graceful.shutdown.max.wait">20</property>
              <property name="hazelcast.socket.bind.any">false</property>
              <property name="hazelcast.merge.first.run.delay.seconds">5</property>
              <property name="hazelcast.merge.next.run.delay.seconds">5</property>
            </properties>
            <network>
              <port auto-increment="false">%d</port>
              <interfaces enabled="true"><interface>127.0.0.1</interface></interfaces>
              <join>
                <multicast enabled="false"/>
                <auto-detection enabled="false"/>
                <tcp-ip enabled="true">
          %s      </tcp-ip>
              </join>
            </network>
          </hazelcast>
          """.formatted(clusterName, port, memberList));
      files.add(file);
    }
    return files;
  }
}
