package com.meetmates.loadtests.meter;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The memory a server process holds: its live heap and its RSS. The live heap comes from
 * {@code jcmd} after a full GC for a JVM, or, for a non-Java reference server, from a metrics URL
 * whose body has a {@code heap_used_bytes N} line (measured by the server right after a GC).
 */
public record Footprint(long liveHeapBytes, long rssBytes) {

  private static final Pattern HEAP_LINE = Pattern.compile("(?m)^heap_used_bytes (\\d+)");
  private static final Duration METRICS_TIMEOUT = Duration.ofSeconds(30);

  public static Footprint of(ProcessMeter process, String heapMetricsUrl) {
    long heap = heapMetricsUrl == null || heapMetricsUrl.isEmpty()
        ? process.liveHeapBytes()
        : heapFromMetrics(heapMetricsUrl);
    return new Footprint(heap, process.rssBytes());
  }

  public Footprint minus(Footprint baseline) {
    return new Footprint(liveHeapBytes - baseline.liveHeapBytes, rssBytes - baseline.rssBytes);
  }

  private static long heapFromMetrics(String url) {
    try {
      HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
          HttpRequest.newBuilder(URI.create(url)).timeout(METRICS_TIMEOUT).build(),
          HttpResponse.BodyHandlers.ofString());
      Matcher matcher = HEAP_LINE.matcher(response.body());
      if (!matcher.find()) {
        throw new IllegalStateException(url + " has no heap_used_bytes line");
      }
      return Long.parseLong(matcher.group(1));
    } catch (java.io.IOException e) {
      throw new IllegalStateException("cannot read " + url + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading " + url, e);
    }
  }
}
