package com.meetmates.loadtests.driver;

import com.meetmates.loadtests.meter.HazelcastOperations;
import java.time.Duration;

/**
 * Hazelcast operations over the phases of a relay run. Hazelcast does some work of its own and the
 * node some of its own (e.g. a periodic online count) whatever the clients do, so the operations a
 * phase caused are what it counted beyond the rate of an idle interval before the run.
 */
public record HazelcastTally(Interval idle, Interval setUp, Interval relay) {

  /** Operations counted over an interval of time. */
  public record Interval(HazelcastOperations.Count count, Duration length) {

    double dataStructurePerSecond() {
      return count.dataStructure() / seconds();
    }

    double enginePerSecond() {
      return count.engine() / seconds();
    }

    double seconds() {
      return length.toNanos() / 1e9;
    }
  }

  /** Data-structure operations in {@code phase} beyond the idle rate. */
  public double dataStructureCausedBy(Interval phase) {
    return phase.count().dataStructure() - idle.dataStructurePerSecond() * phase.seconds();
  }

  /** Engine operations in {@code phase} beyond the idle rate. */
  public double engineCausedBy(Interval phase) {
    return phase.count().engine() - idle.enginePerSecond() * phase.seconds();
  }
}
