package com.meetmates.loadtests.meter;

import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * Counts the Hazelcast operations that node processes have executed, from Hazelcast's own metrics
 * (published over JMX by default), read by attaching to each JVM: no instrumentation in the node.
 *
 * <p>Two counts: the data-structure operations the application asked for (puts, sets, gets,
 * removes and entry processors on maps and multimaps, offers and polls on queues) and the engine's
 * total of executed operations (those plus Hazelcast's own background work).
 */
public final class HazelcastOperations {

  /** Hazelcast refreshes its metrics every 5 s by default (MetricsConfig); read a little after that. */
  public static final Duration PUBLISH_LAG = Duration.ofSeconds(6);

  private static final String METRICS = "com.hazelcast:type=Metrics,*";
  private static final Set<String> DATA_STRUCTURES = Set.of("map", "multiMap", "queue", "replicatedMap", "set", "list");
  private static final Set<String> OPERATION_COUNTERS = Set.of(
      "putCount", "setCount", "getCount", "removeCount", "numberOfOtherOperations",
      "offerOperationCount", "pollOperationCount", "otherOperationsCount");
  private static final String ENGINE = "operation";
  private static final String ENGINE_COUNTER = "completedCount";

  /** Operations counted so far on the given processes. */
  public record Count(long dataStructure, long engine) {

    public Count minus(Count earlier) {
      return new Count(dataStructure - earlier.dataStructure, engine - earlier.engine);
    }

    Count plus(Count other) {
      return new Count(dataStructure + other.dataStructure, engine + other.engine);
    }
  }

  private HazelcastOperations() {
  }

  public static Count of(List<Long> pids) {
    Count total = new Count(0, 0);
    for (long pid : pids) {
      total = total.plus(of(pid));
    }
    return total;
  }

  private static Count of(long pid) {
    try {
      VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
      String address;
      try {
        address = vm.startLocalManagementAgent();
      } finally {
        vm.detach();
      }
      try (JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address))) {
        return count(connector.getMBeanServerConnection());
      }
    } catch (AttachNotSupportedException | IOException | JMException e) {
      throw new IllegalStateException("cannot read Hazelcast metrics of pid " + pid + ": " + e.getMessage(), e);
    }
  }

  private static Count count(MBeanServerConnection server) throws IOException, JMException {
    long dataStructure = 0;
    long engine = 0;
    for (ObjectName name : server.queryNames(new ObjectName(METRICS), null)) {
      String prefix = name.getKeyProperty("prefix");
      if (DATA_STRUCTURES.contains(prefix)) {
        for (String counter : OPERATION_COUNTERS) {
          dataStructure += longAttribute(server, name, counter);
        }
      } else if (ENGINE.equals(prefix) && name.getKeyProperty("tag0") == null) {
        engine += longAttribute(server, name, ENGINE_COUNTER);
      }
    }
    return new Count(dataStructure, engine);
  }

  private static long longAttribute(MBeanServerConnection server, ObjectName name, String attribute)
      throws IOException, JMException {
    try {
      return ((Number) server.getAttribute(name, attribute)).longValue();
    } catch (javax.management.AttributeNotFoundException absent) {
      return 0;
    }
  }
}
