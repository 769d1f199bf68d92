package com.meetmates.loadtests.driver;

import com.meetmates.loadtests.meter.ProcessMeter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The outcome of one relay run. Latencies are in nanoseconds; server CPU (user and system) is summed over the
 * server processes given, measured over the recording window only.
 */
public record RelayResult(
    RelayOptions options,
    Histogram relayLatency,
    Histogram findChatToChatStart,
    Histogram offerToPartner,
    long sent,
    long received,
    long receivedInWindow,
    Duration window,
    ProcessMeter.CpuTimes serverCpu,
    HazelcastTally hazelcast) {

  public long lost() {
    return sent - received;
  }

  public double relayedPerSecond() {
    return receivedInWindow / (window.toNanos() / 1e9);
  }

  /** Server CPU time per 1,000 relayed messages, in milliseconds; NaN when no server pid was given. */
  public double serverCpuMillisPerThousand() {
    if (options.serverPids().isEmpty() || receivedInWindow == 0) {
      return Double.NaN;
    }
    // Microseconds per message are milliseconds per 1,000 messages.
    return perMessageMicros(serverCpu.totalNanos());
  }

  /** Nanoseconds of the window spread over the messages relayed in it, in microseconds per message. */
  private double perMessageMicros(long nanos) {
    return nanos / 1e3 / receivedInWindow;
  }

  public String summary() {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "relay run: %s %s, %d pairs, offered %s, %d s measured%n",
        options.protocol(), options.placement(), options.pairs(),
        options.saturating() ? "saturating (window " + options.window() + ")" : options.ratePerSecond() + " msg/s",
        window.toSeconds()));
    out.append(String.format(Locale.ROOT, "sent %d, received %d, lost %d, relayed %.0f msg/s%n",
        sent, received, lost(), relayedPerSecond()));
    out.append("relay one-way latency: ").append(percentiles(relayLatency)).append('\n');
    if (findChatToChatStart.getTotalCount() > 0) {
      out.append("findChat -> chatStart (one pair at a time): ").append(percentiles(findChatToChatStart)).append('\n');
      out.append("offer -> partner (4 KB SDP, one at a time): ").append(percentiles(offerToPartner)).append('\n');
    }
    if (!options.serverPids().isEmpty()) {
      out.append(String.format(Locale.ROOT,
          "server CPU %d ms over the window = %.1f ms per 1,000 relayed messages (%.1f us each: %.1f user, %.1f system)%n",
          TimeUnit.NANOSECONDS.toMillis(serverCpu.totalNanos()), serverCpuMillisPerThousand(), serverCpuMillisPerThousand(),
          perMessageMicros(serverCpu.userNanos()), perMessageMicros(serverCpu.systemNanos())));
    }
    if (options.countHazelcast()) {
      out.append(String.format(Locale.ROOT,
          "Hazelcast idle background: %.2f data-structure and %.1f engine operations per second%n",
          hazelcast.idle().dataStructurePerSecond(), hazelcast.idle().enginePerSecond()));
      out.append(String.format(Locale.ROOT,
          "Hazelcast data-structure operations beyond it: %.1f per pair set up, %.4f per relayed message (%d counted while relaying)%n",
          hazelcast.dataStructureCausedBy(hazelcast.setUp()) / options.pairs(),
          hazelcast.dataStructureCausedBy(hazelcast.relay()) / Math.max(1, received),
          hazelcast.relay().count().dataStructure()));
      out.append(String.format(Locale.ROOT,
          "Hazelcast engine operations beyond it: %.1f per pair set up, %.4f per relayed message%n",
          hazelcast.engineCausedBy(hazelcast.setUp()) / options.pairs(),
          hazelcast.engineCausedBy(hazelcast.relay()) / Math.max(1, received)));
    }
    return out.toString();
  }

  static String percentiles(Histogram h) {
    if (h.getTotalCount() == 0) {
      return "no samples";
    }
    return String.format(Locale.ROOT, "n=%d p50=%.3f ms p90=%.3f ms p99=%.3f ms max=%.3f ms",
        h.getTotalCount(), ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(90)),
        ms(h.getValueAtPercentile(99)), ms(h.getMaxValue()));
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }
}
