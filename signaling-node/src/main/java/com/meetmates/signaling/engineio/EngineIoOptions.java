package com.meetmates.signaling.engineio;

import io.vertx.core.http.HttpServerOptions;
import java.util.List;

/** Settings of one Engine.IO server; the defaults are those of the Node.js reference server. */
public final class EngineIoOptions {

  public static final String DEFAULT_PATH = "/engine.io/";
  public static final long DEFAULT_PING_INTERVAL_MS = 25_000;
  public static final long DEFAULT_PING_TIMEOUT_MS = 20_000;
  public static final long DEFAULT_UPGRADE_TIMEOUT_MS = 10_000;
  public static final int DEFAULT_MAX_PAYLOAD_BYTES = 1_000_000;
  public static final long DEFAULT_MAX_BUFFERED_BYTES = 5_000_000;
  public static final int DEFAULT_MAX_BUFFERED_PACKETS = 10_000;
  public static final long DEFAULT_CLOSE_TIMEOUT_MS = 30_000;

  private String path = DEFAULT_PATH;
  private long pingIntervalMs = DEFAULT_PING_INTERVAL_MS;
  private long pingTimeoutMs = DEFAULT_PING_TIMEOUT_MS;
  private long upgradeTimeoutMs = DEFAULT_UPGRADE_TIMEOUT_MS;
  /** Off, as in Node's engine.io: compression state costs about 100 KB of native memory per idle session. */
  private boolean perMessageDeflate = false;
  private int maxPayloadBytes = DEFAULT_MAX_PAYLOAD_BYTES;
  private long maxBufferedBytes = DEFAULT_MAX_BUFFERED_BYTES;
  private int maxBufferedPackets = DEFAULT_MAX_BUFFERED_PACKETS;
  private long closeTimeoutMs = DEFAULT_CLOSE_TIMEOUT_MS;
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

  /**
   * Bound on what one session may have queued and not yet written (text counted in characters,
   * binary in bytes); a session past it is closed as a slow consumer.
   */
  public long maxBufferedBytes() {
    return maxBufferedBytes;
  }

  public EngineIoOptions maxBufferedBytes(long maxBufferedBytes) {
    this.maxBufferedBytes = maxBufferedBytes;
    return this;
  }

  /** Bound on the number of packets one session may have queued and not yet written. */
  public int maxBufferedPackets() {
    return maxBufferedPackets;
  }

  public EngineIoOptions maxBufferedPackets(int maxBufferedPackets) {
    this.maxBufferedPackets = maxBufferedPackets;
    return this;
  }

  /** How long a closing polling session waits for the client's next poll to hand it the close packet. */
  public long closeTimeoutMs() {
    return closeTimeoutMs;
  }

  public EngineIoOptions closeTimeoutMs(long closeTimeoutMs) {
    this.closeTimeoutMs = closeTimeoutMs;
    return this;
  }

  public boolean perMessageDeflate() {
    return perMessageDeflate;
  }

  /** Whether WebSocket connections may negotiate permessage-deflate (applied by {@link #applyTo}). */
  public EngineIoOptions perMessageDeflate(boolean perMessageDeflate) {
    this.perMessageDeflate = perMessageDeflate;
    return this;
  }

  /**
   * Turns Vert.x's own WebSocket compression off (Vert.x offers it by default, and its negotiation puts no bound
   * on how far a message may inflate; the Engine.IO server negotiates permessage-deflate itself when it takes an
   * upgrade over, as {@link #perMessageDeflate()} says), and puts the server in strict thread mode: every HTTP
   * answer must then be written on the event loop of its connection, which this server does (and so do Vert.x
   * Web's handlers). The gain is memory: outside strict mode every HTTP connection holds a 1,024-slot outbound
   * queue (about 4.7 KB). Call it on the options of every HttpServer this server is mounted on.
   */
  public HttpServerOptions applyTo(HttpServerOptions httpOptions) {
    return httpOptions
        .setPerMessageWebSocketCompressionSupported(false)
        .setPerFrameWebSocketCompressionSupported(false)
        .setStrictThreadMode(true);
  }
}
