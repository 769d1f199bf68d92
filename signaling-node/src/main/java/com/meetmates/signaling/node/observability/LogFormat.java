package com.meetmates.signaling.node.observability;

import java.util.Arrays;
import java.util.Locale;

/** How a node writes its log: each value names the appender of logback.xml that writes it. */
public enum LogFormat {
  /** Human-readable lines, for a terminal. */
  TEXT,
  /** One JSON object per line (Logstash layout) with the node id and, where one applies, the socket id. */
  JSON;

  public static LogFormat parse(String value) {
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("LOG_FORMAT must be one of " + Arrays.toString(values())
          + " (any case), got '" + value + "'", e);
    }
  }

  /** The name of the appender in logback.xml, and the value of LOG_FORMAT that selects it. */
  public String appenderName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
