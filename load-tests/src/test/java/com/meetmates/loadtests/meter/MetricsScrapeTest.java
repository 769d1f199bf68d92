package com.meetmates.loadtests.meter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MetricsScrapeTest {

  private static final String EXPOSITION = String.join("\n",
      "# HELP hazelcast_map_operations_total Operations on Hazelcast maps",
      "# TYPE hazelcast_map_operations_total counter",
      "hazelcast_map_operations_total{map=\"sessions\",op=\"put\"} 12.0",
      "hazelcast_map_operations_total{map=\"pairs\",op=\"executeOnKey\"} 30",
      "hazelcast_queue_operations_total 5",
      "relayed_messages_total{type=\"ice-candidate\"} 1000",
      "");

  @Test
  void sumsEverySampleOfTheMatchingMetricsWhateverTheirLabels() {
    assertThat(MetricsScrape.sum(EXPOSITION, Pattern.compile("hazelcast_.*_operations_total"))).isEqualTo(47.0);
  }

  @Test
  void ignoresMetricsWhoseNameDoesNotMatchAndComments() {
    assertThat(MetricsScrape.sum(EXPOSITION, Pattern.compile("relayed_messages_total"))).isEqualTo(1000.0);
    assertThat(MetricsScrape.sum(EXPOSITION, Pattern.compile("nothing_like_this"))).isZero();
  }
}
