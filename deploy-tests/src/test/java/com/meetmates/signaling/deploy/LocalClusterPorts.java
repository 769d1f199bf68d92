package com.meetmates.signaling.deploy;

import java.util.Map;

/**
 * Ports for one local-cluster.sh run, from one free {@link PortBlock}: node i on base+i, the
 * balancer after the nodes, Hazelcast members after that.
 */
record LocalClusterPorts(int basePort, int balancerPort, int hazelcastBasePort) {
  /** Hazelcast probes this many ports from its base (hazelcast.tcp.join.port.try.count). */
  private static final int HAZELCAST_PORTS = 10;

  static LocalClusterPorts forNodes(int nodes) {
    PortBlock block = PortBlock.find(nodes + 2 + HAZELCAST_PORTS);
    return new LocalClusterPorts(block.port(0), block.port(nodes + 1), block.port(nodes + 2));
  }

  int node(int index) {
    return basePort + index;
  }

  Map<String, String> environment() {
    return Map.of(
        "BASE_PORT", String.valueOf(basePort),
        "LB_PORT", String.valueOf(balancerPort),
        "HAZELCAST_BASE_PORT", String.valueOf(hazelcastBasePort));
  }
}
