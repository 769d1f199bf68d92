package com.meetmates.signaling.engineio;

import java.util.List;

/** Settings of one Engine.IO server; the defaults are those of the Node.js reference server. */
public final class EngineIoOptions {

  public static final String DEFAULT_PATH = "/engine.io/";
  public static final long DEFAULT_PING_INTERVAL_MS = 25_000;
  public static final long DEFAULT_PING_TIMEOUT_MS = 20_000;
  public static final long DEFAULT_UPGRADE_TIMEOUT_MS = 10_000;
  public static final int DEFAULT_MAX_PAYLOAD_BYTES = 1_000_000;

  private String path = DEFAULT_PATH;
  private long pingIntervalMs = DEFAULT_PING_INTERVAL_MS;
  private long pingTimeoutMs = DEFAULT_PING_TIMEOUT_MS;
  private long upgradeTimeoutMs = DEFAULT_UPGRADE_TIMEOUT_MS;
  private int maxPayloadBytes = DEFAULT_MAX_PAYLOAD_BYTES;
  private List<String> allowedOrigins = List.of("*");
  private boolean allowCredentials = true;
  private List<String> transports = List.of("polling", "websocket");

  public String path() {
    return path;
  }

  /** Normalised to start and end with '/'. */
  public EngineIoOptions path(String path) {
    String p = path.startsWith("/") ? path : "/" + path;
    this.path = p.endsWith("/") ? p : p + "/";
    return this;
  }

  public long pingIntervalMs() {
    return pingIntervalMs;
  }

  public EngineIoOptions pingIntervalMs(long pingIntervalMs) {
    this.pingIntervalMs = pingIntervalMs;
    return this;
  }

  public long pingTimeoutMs() {
    return pingTimeoutMs;
  }

  public EngineIoOptions pingTimeoutMs(long pingTimeoutMs) {
    this.pingTimeoutMs = pingTimeoutMs;
    return this;
  }

  public long upgradeTimeoutMs() {
    return upgradeTimeoutMs;
  }

  public EngineIoOptions upgradeTimeoutMs(long upgradeTimeoutMs) {
    this.upgradeTimeoutMs = upgradeTimeoutMs;
    return this;
  }

  public int maxPayloadBytes() {
    return maxPayloadBytes;
  }

  public EngineIoOptions maxPayloadBytes(int maxPayloadBytes) {
    this.maxPayloadBytes = maxPayloadBytes;
    return this;
  }

  /** Origins allowed for both transports; {@code "*"} allows any. */
  public List<String> allowedOrigins() {
    return allowedOrigins;
  }

  public EngineIoOptions allowedOrigins(List<String> allowedOrigins) {
    this.allowedOrigins = List.copyOf(allowedOrigins);
    return this;
  }

  public boolean allowCredentials() {
    return allowCredentials;
  }

  public EngineIoOptions allowCredentials(boolean allowCredentials) {
    this.allowCredentials = allowCredentials;
    return this;
  }

  /** Transports offered, among "polling" and "websocket". */
  public List<String> transports() {
    return transports;
  }

  public EngineIoOptions transports(List<String> transports) {
    this.transports = List.copyOf(transports);
    return this;
  }
}
