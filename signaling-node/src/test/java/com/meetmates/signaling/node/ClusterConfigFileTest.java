package com.meetmates.signaling.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.meetmates.signaling.cluster.TestClusters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nodes started the production way with CLUSTER_CONFIG form one cluster from a Hazelcast XML file. */
class ClusterConfigFileTest {

  @TempDir
  Path directory;

  private final List<SignalingNode> nodes = new ArrayList<>();

  @AfterEach
  void stopNodes() throws Exception {
    for (SignalingNode node : nodes) {
      TestClusters.await(node.close());
    }
  }

  @Test
  void twoNodesStartedWithTheirClusterConfigFilesPairTheirUsers() throws Exception {
    String clusterName = "test-" + UUID.randomUUID();
    int firstPort = TestClusters.freePort();
    int secondPort = TestClusters.freePort();
    for (int port : new int[] {firstPort, secondPort}) {
      Path file = directory.resolve("member-" + port + ".xml");
      Files.writeString(file, memberXml(clusterName, port, firstPort, secondPort));
      nodes.add(TestClusters.await(SignalingNode.start(NodeConfig.of(Map.of(
          NodeConfig.PORT, "0", NodeConfig.HOST, "127.0.0.1", NodeConfig.CLUSTER_CONFIG, file.toString())))));
    }

    try (ChatClient onFirst = ChatClient.connect(url(0));
        ChatClient onSecond = ChatClient.connect(url(1))) {
      assertThat(onFirst.request("findChat", "a@example.com", false).getBoolean("ok")).isTrue();
      assertThat(onSecond.request("findChat", "b@example.com", false).getBoolean("ok")).isTrue();

      assertThat(onFirst.nextObject("chatStart").getString("partnerId")).isEqualTo(onSecond.id());
      onSecond.emit("sendMessage", "across the cluster");
      assertThat(onFirst.nextObject("message").getString("text")).isEqualTo("across the cluster");
    }
  }

  private String url(int node) {
    return "http://127.0.0.1:" + nodes.get(node).port();
  }

  private static String memberXml(String clusterName, int port, int firstPort, int secondPort) {
    return """
        <hazelcast xmlns="http://www.hazelcast.com/schema/config">
          <cluster-name>%s</cluster-name>
          <properties>
            <property name="hazelcast.socket.bind.any">false</property>
          </properties>
          <network>
            <port auto-increment="false">%d</port>
            <interfaces enabled="true"><interface>127.0.0.1</interface></interfaces>
            <join>
              <multicast enabled="false"/>
              <auto-detection enabled="false"/>
              <tcp-ip enabled="true">
                <member>127.0.0.1:%d</member>
                <member>127.0.0.1:%d</member>
              </tcp-ip>
            </join>
          </network>
        </hazelcast>
        """.formatted(clusterName, port, firstPort, secondPort);
  }
}
