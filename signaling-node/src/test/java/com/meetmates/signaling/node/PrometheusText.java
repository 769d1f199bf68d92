package com.meetmates.signaling.node;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A /metrics page in the Prometheus text format, read the way a scraper reads it. */
final class PrometheusText {

  /**
   * HTTP/1.1: the JDK client otherwise upgrades to HTTP/2 and keeps that connection per host and port; a later
   * node bound to a port an earlier, closed node had is then asked over the dead connection, and the request
   * waits past its own timeout.
   */
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();
  private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);

  private final String contentType;
  private final List<String> samples = new ArrayList<>();

  private PrometheusText(String contentType, String body) {
    this.contentType = contentType;
    for (String line : body.split("\n")) {
      if (!line.isBlank() && !line.startsWith("#")) {
        samples.add(line);
      }
    }
  }

  static PrometheusText scrape(String baseUrl) throws Exception {
    HttpResponse<String> response = HTTP.sendAsync(HttpRequest.newBuilder(URI.create(baseUrl + "/metrics"))
            .timeout(ANSWER_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString())
        .get(2 * ANSWER_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    if (response.statusCode() != 200) {
      throw new AssertionError("/metrics answered " + response.statusCode());
    }
    return new PrometheusText(response.headers().firstValue("Content-Type").orElse(""), response.body());
  }

  String contentType() {
    return contentType;
  }

  boolean has(String name) {
    return samples.stream().anyMatch(sample -> nameOf(sample).equals(name));
  }

  /** The value of the one sample with this name whose labels include every given {@code key="value"} pair. */
  double value(String name, String... labels) {
    List<String> matching = samples.stream()
        .filter(sample -> nameOf(sample).equals(name))
        .filter(sample -> hasLabels(sample, labels))
        .toList();
    if (matching.size() != 1) {
      throw new AssertionError(matching.size() + " samples of " + name + " " + List.of(labels) + ": " + matching);
    }
    String sample = matching.get(0);
    return Double.parseDouble(sample.substring(sample.lastIndexOf(' ') + 1));
  }

  private static String nameOf(String sample) {
    int end = sample.indexOf('{');
    return end < 0 ? sample.substring(0, sample.indexOf(' ')) : sample.substring(0, end);
  }

  private static boolean hasLabels(String sample, String... labels) {
    for (int i = 0; i < labels.length; i += 2) {
      if (!sample.contains(labels[i] + "=\"" + labels[i + 1] + "\"")) {
        return false;
      }
    }
    return true;
  }
}
