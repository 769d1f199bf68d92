package com.meetmates.signaling.node;

import com.meetmates.signaling.chat.ChatSettings;
import com.meetmates.signaling.engineio.EngineIoOptions;
import com.meetmates.signaling.node.observability.LogFormat;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Every setting of a node, in one place. Each has a default that runs; a configuration file (JSON object or
 * .properties, named by {@code CONFIG_FILE}) overrides the defaults, and environment variables of the same
 * names override the file.
 */
public final class NodeConfig {

  public static final String CONFIG_FILE = "CONFIG_FILE";
  public static final String PORT = "PORT";
  public static final String HOST = "HOST";
  public static final String CORS_ORIGINS = "CORS_ORIGINS";
  public static final String PING_INTERVAL_MS = "PING_INTERVAL_MS";
  public static final String PING_TIMEOUT_MS = "PING_TIMEOUT_MS";
  public static final String MAX_PAYLOAD_BYTES = "MAX_PAYLOAD_BYTES";
  public static final String RATE_LIMIT_PER_SECOND = "RATE_LIMIT_PER_SECOND";
  public static final String RATE_LIMIT_BURST = "RATE_LIMIT_BURST";
  public static final String RATE_LIMIT_DISCONNECT_DROPS = "RATE_LIMIT_DISCONNECT_DROPS";
  public static final String MAX_SDP_BYTES = "MAX_SDP_BYTES";
  public static final String MAX_MESSAGE_CHARS = "MAX_MESSAGE_CHARS";
  public static final String MAX_CANDIDATE_BYTES = "MAX_CANDIDATE_BYTES";
  public static final String REPLAY_CANDIDATES = "REPLAY_CANDIDATES";
  public static final String JWT_SECRET = "JWT_SECRET";
  public static final String JWT_PUBLIC_KEY = "JWT_PUBLIC_KEY";
  public static final String JWT_ALGORITHM = "JWT_ALGORITHM";
  public static final String CLUSTER_CONFIG = "CLUSTER_CONFIG";
  public static final String CLUSTER_HOST = "CLUSTER_HOST";
  public static final String ICE_SERVERS = "ICE_SERVERS";
  public static final String ONLINE_USERS_INTERVAL_MS = "ONLINE_USERS_INTERVAL_MS";
  public static final String DRAIN_DELAY_MS = "DRAIN_DELAY_MS";
  public static final String DRAIN_TIMEOUT_MS = "DRAIN_TIMEOUT_MS";
  public static final String METRICS_STATE_INTERVAL_MS = "METRICS_STATE_INTERVAL_MS";
  public static final String LOG_FORMAT = "LOG_FORMAT";
  public static final String EVENT_LOOPS = "EVENT_LOOPS";

  public static final int DEFAULT_PORT = 3001;
  public static final String DEFAULT_HOST = "0.0.0.0";
  public static final long DEFAULT_ONLINE_USERS_INTERVAL_MS = 1000;
  /**
   * The node's HTTP verticle, and so every socket, runs on one event loop; with more loops (Vert.x takes twice the
   * cores) the event bus lands on others, and every delivery across nodes hops threads twice (a task and a
   * wake-up each). Measured on 2 cores with 3 nodes: one loop costs less CPU per relayed message.
   */
  public static final int DEFAULT_EVENT_LOOPS = 1;
  /** Long enough for a load balancer's readiness check to see the node leave before its sockets close. */
  public static final long DEFAULT_DRAIN_DELAY_MS = 1000;
  /** Delay, closing the sockets, settling their pairs and the last sweep: well inside a 45 s grace period. */
  public static final long DEFAULT_DRAIN_TIMEOUT_MS = 15_000;
  public static final long DEFAULT_METRICS_STATE_INTERVAL_MS = 5000;
  public static final String DEFAULT_ICE_SERVERS =
      "[{\"urls\":\"stun:stun.l.google.com:19302\"},{\"urls\":\"stun:stun1.l.google.com:19302\"}]";

  private final Map<String, String> values;

  private NodeConfig(Map<String, String> values) {
    this.values = Map.copyOf(values);
  }

  /** Defaults, then the file named by CONFIG_FILE (in the environment), then the environment itself. */
  public static NodeConfig load(Map<String, String> environment) {
    Map<String, String> merged = new HashMap<>();
    Optional.ofNullable(environment.get(CONFIG_FILE)).map(Path::of).ifPresent(file -> merged.putAll(readFile(file)));
    merged.putAll(environment);
    return new NodeConfig(merged);
  }

  /** Only the given settings over the defaults (for tests and embedding). */
  public static NodeConfig of(Map<String, String> settings) {
    return new NodeConfig(settings);
  }

  public int port() {
    return intValue(PORT, DEFAULT_PORT);
  }

  public String host() {
    return values.getOrDefault(HOST, DEFAULT_HOST);
  }

  public EngineIoOptions engineIo() {
    return new EngineIoOptions()
        .path("/socket.io/")
        .pingIntervalMs(longValue(PING_INTERVAL_MS, EngineIoOptions.DEFAULT_PING_INTERVAL_MS))
        .pingTimeoutMs(longValue(PING_TIMEOUT_MS, EngineIoOptions.DEFAULT_PING_TIMEOUT_MS))
        .maxPayloadBytes(intValue(MAX_PAYLOAD_BYTES, EngineIoOptions.DEFAULT_MAX_PAYLOAD_BYTES))
        .allowedOrigins(corsOrigins());
  }

  public List<String> corsOrigins() {
    return Arrays.stream(values.getOrDefault(CORS_ORIGINS, "").split(","))
        .map(String::trim).filter(origin -> !origin.isEmpty()).toList();
  }

  public ChatSettings chat() {
    ChatSettings defaults = ChatSettings.defaults();
    return new ChatSettings(
        intValue(MAX_SDP_BYTES, defaults.maxSdpBytes()),
        intValue(MAX_MESSAGE_CHARS, defaults.maxMessageChars()),
        intValue(MAX_CANDIDATE_BYTES, defaults.maxCandidateBytes()),
        intValue(REPLAY_CANDIDATES, defaults.replayCandidates()),
        doubleValue(RATE_LIMIT_PER_SECOND, defaults.rateLimitPerSecond()),
        intValue(RATE_LIMIT_BURST, defaults.rateLimitBurst()),
        intValue(RATE_LIMIT_DISCONNECT_DROPS, defaults.abuseDropsPerWindow()),
        defaults.abuseWindowMillis());
  }

  public Optional<String> jwtSecret() {
    return optional(JWT_SECRET);
  }

  public Optional<String> jwtPublicKey() {
    return optional(JWT_PUBLIC_KEY);
  }

  /** Defaults to HS256 with a secret and RS256 with a public key. */
  public String jwtAlgorithm() {
    return values.getOrDefault(JWT_ALGORITHM, jwtPublicKey().isPresent() ? "RS256" : "HS256");
  }

  /** The Hazelcast configuration file; absent means the embedded single member. */
  public Optional<Path> clusterConfig() {
    return optional(CLUSTER_CONFIG).map(Path::of);
  }

  /** The address other nodes reach this node's event bus on; absent lets Vert.x take Hazelcast's. */
  public Optional<String> clusterHost() {
    return optional(CLUSTER_HOST);
  }

  /** The ICE servers handed to the web client, as a JSON array of RTCIceServer objects. */
  public JsonArray iceServers() {
    return new JsonArray(values.getOrDefault(ICE_SERVERS, DEFAULT_ICE_SERVERS));
  }

  /** Vert.x event-loop threads of the node. */
  public int eventLoops() {
    int loops = intValue(EVENT_LOOPS, DEFAULT_EVENT_LOOPS);
    if (loops < 1) {
      throw new IllegalArgumentException(EVENT_LOOPS + " must be at least 1, was " + loops);
    }
    return loops;
  }

  public long onlineUsersIntervalMs() {
    return longValue(ONLINE_USERS_INTERVAL_MS, DEFAULT_ONLINE_USERS_INTERVAL_MS);
  }

  /** After SIGTERM: how long the node stays up, not ready and refusing new sessions, before closing its sockets. */
  public long drainDelayMs() {
    return nonNegative(DRAIN_DELAY_MS, longValue(DRAIN_DELAY_MS, DEFAULT_DRAIN_DELAY_MS));
  }

  /**
   * The bound on a drain, from the stop request until the node starts leaving the cluster: the drain delay, then
   * closing the sockets and settling their pairs; what is not settled by then the node removes itself.
   */
  public long drainTimeoutMs() {
    long timeout = longValue(DRAIN_TIMEOUT_MS, DEFAULT_DRAIN_TIMEOUT_MS);
    if (timeout <= drainDelayMs()) {
      throw new IllegalArgumentException(DRAIN_TIMEOUT_MS + " (" + timeout + ") must be larger than "
          + DRAIN_DELAY_MS + " (" + drainDelayMs() + "), which it includes");
    }
    return timeout;
  }

  /** How often /metrics' cluster-wide sizes (sessions, pairs, waiting) are read from the shared state. */
  public long metricsStateIntervalMs() {
    long interval = longValue(METRICS_STATE_INTERVAL_MS, DEFAULT_METRICS_STATE_INTERVAL_MS);
    if (interval <= 0) {
      throw new IllegalArgumentException(METRICS_STATE_INTERVAL_MS + " must be positive, got " + interval);
    }
    return interval;
  }

  /** text (default, for a terminal) or json (one JSON object per line, for a log collector). */
  public LogFormat logFormat() {
    return optional(LOG_FORMAT).map(LogFormat::parse).orElse(LogFormat.TEXT);
  }

  private static long nonNegative(String key, long value) {
    if (value < 0) {
      throw new IllegalArgumentException(key + " must not be negative, got " + value);
    }
    return value;
  }

  private Optional<String> optional(String key) {
    return Optional.ofNullable(values.get(key)).filter(value -> !value.isBlank());
  }

  private int intValue(String key, int fallback) {
    return optional(key).map(value -> parse(key, value, Integer::parseInt)).orElse(fallback);
  }

  private long longValue(String key, long fallback) {
    return optional(key).map(value -> parse(key, value, Long::parseLong)).orElse(fallback);
  }

  private double doubleValue(String key, double fallback) {
    return optional(key).map(value -> parse(key, value, Double::parseDouble)).orElse(fallback);
  }

  private static <T> T parse(String key, String value, java.util.function.Function<String, T> parser) {
    try {
      return parser.apply(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a number, got '" + value + "'", e);
    }
  }

  private static Map<String, String> readFile(Path file) {
    try {
      if (file.getFileName().toString().endsWith(".properties")) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
          properties.load(reader);
        }
        Map<String, String> read = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> read.put(name, properties.getProperty(name)));
        return read;
      }
      Map<String, String> read = new HashMap<>();
      new JsonObject(Files.readString(file)).forEach(entry ->
          read.put(entry.getKey(), entry.getValue() instanceof JsonArray array ? array.encode()
              : String.valueOf(entry.getValue())));
      return read;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read configuration file " + file, e);
    }
  }
}
