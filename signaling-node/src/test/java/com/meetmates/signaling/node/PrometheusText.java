package com.meetmates.signaling.node;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A /metrics page in the Prometheus text format, read the way a scraper reads it. */
final class PrometheusText {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

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
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/metrics"))
        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
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
