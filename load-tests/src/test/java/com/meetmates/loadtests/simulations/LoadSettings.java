package com.meetmates.loadtests.simulations;

import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** Every knob of a simulation, from system properties, each with a default that runs. */
final class LoadSettings {

  /** Frames no check awaits are kept until the next send; a chat produces a few dozen. */
  private static final int UNMATCHED_BUFFER = 1024;

  private LoadSettings() {
  }

  static String baseUrl() {
    return System.getProperty("baseUrl", "http://127.0.0.1:3001");
  }

  static int integer(String name, int defaultValue) {
    return Integer.getInteger(name, defaultValue);
  }

  static Duration seconds(String name, int defaultSeconds) {
    return Duration.ofSeconds(Integer.getInteger(name, defaultSeconds));
  }

  /** Comma-separated client source addresses (e.g. 127.0.0.2,...,127.0.0.9); empty for the default. */
  static List<String> sources() {
    return Arrays.stream(System.getProperty("sources", "").split(","))
        .map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  /** The node processes to measure (comma-separated pids); empty to measure nothing. */
  static List<Long> nodePids() {
    return Arrays.stream(System.getProperty("nodePids", System.getProperty("nodePid", "")).split(","))
        .map(String::trim).filter(s -> !s.isEmpty()).map(Long::parseLong).toList();
  }

  static boolean countHazelcast() {
    return Boolean.getBoolean("countHazelcast");
  }

  /**
   * The latency figures of one request in the run's output, as assertions that hold unless a
   * target is given ({@code <name>P99TargetMs}): p50, p90 and max are printed, p99 is checked
   * against the target (an hour by default, so that a run fails only on the targets asked for).
   */
  static List<Assertion> latencyFigures(String group, String request, String targetProperty) {
    int p99Target = integer(targetProperty, (int) Duration.ofHours(1).toMillis());
    return List.of(
        details(group, request).responseTime().percentile(50.0).gte(0),
        details(group, request).responseTime().percentile(90.0).gte(0),
        details(group, request).responseTime().percentile(99.0).lte(p99Target),
        details(group, request).responseTime().max().gte(0));
  }

  static HttpProtocolBuilder protocol() {
    HttpProtocolBuilder protocol = http
        .wsBaseUrl(baseUrl().replaceFirst("^http", "ws"))
        .wsAutoReplySocketIo4()
        .wsUnmatchedInboundMessageBufferSize(UNMATCHED_BUFFER);
    List<String> sources = sources();
    return sources.isEmpty() ? protocol : protocol.localAddresses(sources);
  }
}
