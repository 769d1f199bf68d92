package com.meetmates.signaling.node.process;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fixed ports this area's node processes may take (48000-48999), handed out only when they can be bound
 * now. The range lies among the kernel's ephemeral ports, so a port free now can still be taken by an outgoing
 * connection before a node binds it; {@link NodeProcesses} starts again on other ports when that happens.
 */
final class PortRange {

  static final int FIRST = 48000;
  static final int LAST = 48999;
  private static final int SIZE = LAST - FIRST + 1;
  private static final String LOOPBACK = "127.0.0.1";
  /** A random start, so that a run does not meet the previous run's ports still in TIME_WAIT. */
  private static final AtomicInteger NEXT = new AtomicInteger(ThreadLocalRandom.current().nextInt(SIZE));

  private PortRange() {
  }

  static List<Integer> freePorts(int count) {
    List<Integer> ports = new ArrayList<>();
    for (int tried = 0; tried < SIZE && ports.size() < count; tried++) {
      int port = FIRST + NEXT.getAndIncrement() % SIZE;
      if (canBind(port)) {
        ports.add(port);
      }
    }
    if (ports.size() < count) {
      throw new IllegalStateException("fewer than " + count + " free ports in " + FIRST + "-" + LAST);
    }
    return ports;
  }

  private static boolean canBind(int port) {
    try (ServerSocket probe = new ServerSocket()) {
      probe.setReuseAddress(true);
      probe.bind(new InetSocketAddress(LOOPBACK, port));
      return true;
    } catch (IOException taken) {
      return false;
    }
  }
}
