package com.meetmates.loadtests.meter;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Sums Prometheus samples whose metric name matches a pattern, over several nodes' /metrics: how
 * the runs count Hazelcast operations without guessing (the difference of two scrapes).
 */
public final class MetricsScrape {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private MetricsScrape() {
  }

  public static double sum(List<String> baseUrls, Pattern metricName) {
    double total = 0;
    for (String baseUrl : baseUrls) {
      total += sum(fetch(baseUrl + "/metrics"), metricName);
    }
    return total;
  }

  static double sum(String exposition, Pattern metricName) {
    double total = 0;
    for (String line : exposition.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      boolean labelled = line.indexOf('{') >= 0;
      int nameEnd = labelled ? line.indexOf('{') : line.indexOf(' ');
      if (nameEnd <= 0 || !metricName.matcher(line.substring(0, nameEnd)).matches()) {
        continue;
      }
      int valueStart = labelled ? line.lastIndexOf('}') + 1 : nameEnd;
      String[] parts = line.substring(valueStart).trim().split("\\s+");
      total += Double.parseDouble(parts[0]);
    }
    return total;
  }

  private static String fetch(String url) {
    try {
      HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(url + " answered " + response.statusCode());
      }
      return response.body();
    } catch (IOException e) {
      throw new IllegalStateException("cannot scrape " + url + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while scraping " + url, e);
    }
  }
}
