package com.meetmates.signaling.deploy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A run of consecutive free loopback ports inside the deploy tests' range 44000-44999, for the
 * local-cluster script, whose nodes listen on BASE_PORT+1..N and so cannot take port 0. The range
 * lies inside the kernel's ephemeral range, so a port can be busy by chance: the block is probed
 * first, from a random start.
 */
record PortBlock(int first, int size) {
  private static final int RANGE_START = 44000;
  private static final int RANGE_END = 44999;

  static PortBlock find(int size) {
    int span = RANGE_END - RANGE_START + 1 - size;
    int offset = ThreadLocalRandom.current().nextInt(span);
    for (int tried = 0; tried < span; tried++) {
      int first = RANGE_START + (offset + tried) % span;
      if (allFree(first, size)) {
        return new PortBlock(first, size);
      }
    }
    throw new IllegalStateException("no " + size + " consecutive free ports between " + RANGE_START + " and " + RANGE_END);
  }

  int port(int index) {
    if (index < 0 || index >= size) {
      throw new IllegalArgumentException("port " + index + " outside a block of " + size);
    }
    return first + index;
  }

  private static boolean allFree(int first, int size) {
    for (int port = first; port < first + size; port++) {
      try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        probe.setReuseAddress(true);
      } catch (IOException busy) {
        return false;
      }
    }
    return true;
  }
}
