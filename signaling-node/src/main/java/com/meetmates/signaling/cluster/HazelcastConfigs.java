package com.meetmates.signaling.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MultiMapConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Hazelcast member configurations for a node: the embedded single member, or one loaded from a file. */
public final class HazelcastConfigs {

  /** Vert.x's subscription table must keep one entry per consumer; taken from vertx-hazelcast's defaults. */
  private static final String VERTX_SUBSCRIPTIONS = "__vertx.subs";
  private static final String LOOPBACK = "127.0.0.1";
  /**
   * Hazelcast hands every response that arrives from another member to a pool of response threads (2 by
   * default), which completes the caller's future. The chat hands each completion straight on to its own
   * continuation pool, so that hop is one more thread wake-up per remote call and nothing else: with "0" the
   * IO thread that read the response completes the future.
   */
  static final String RESPONSE_THREAD_COUNT = "hazelcast.operation.response.thread.count";
  static final String RESPONSES_ON_IO_THREAD = "0";
  /**
   * A thread that sends a packet to another member writes it to the socket itself ("write-through") unless
   * Hazelcast saw two threads writing to one connection within this window, after which its output thread
   * writes every packet for the window (100 ms by default), to batch them. A chat sends a few dozen small
   * packets between members, from the event loop, the partition threads and the continuation pool, so the
   * window was open nearly all the time and every packet cost a wake-up of the output thread (0.2 to 0.6 s of
   * CPU per node per 2,000 chats on the local 3-node cluster). With "0" a sender that finds the connection idle
   * writes through; a packet that finds another write in progress is queued as before.
   */
  static final String CONCURRENT_WINDOW_MS = "hazelcast.concurrent.window.ms";
  static final String ALWAYS_WRITE_THROUGH = "0";

  private HazelcastConfigs() {
  }

  /** A member that joins nobody: one node runs with no setup, bound to loopback. */
  public static Config embedded() {
    Config config = new Config();
    config.setClusterName("meetmates-embedded");
    JoinConfig join = config.getNetworkConfig().getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface(LOOPBACK);
    config.setProperty("hazelcast.socket.bind.any", "false");
    return prepare(config);
  }

  /** A member configured by a Hazelcast XML or YAML file (the deployment's cluster configuration). */
  public static Config fromFile(Path file) {
    try {
      return prepare(Config.loadFromFile(file.toFile()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read Hazelcast configuration " + file, e);
    }
  }

  /**
   * Adds what every member needs whatever its file says: the chat serializers and Vert.x's structures; and the
   * node's defaults for what the file leaves out (no phone home, SLF4J logging, and the two settings above,
   * which save a thread wake-up per packet between members).
   */
  public static Config prepare(Config config) {
    ChatSerialization.register(config);
    if (!config.getMultiMapConfigs().containsKey(VERTX_SUBSCRIPTIONS)) {
      config.addMultiMapConfig(new MultiMapConfig(VERTX_SUBSCRIPTIONS)
          .setBackupCount(1).setValueCollectionType(MultiMapConfig.ValueCollectionType.SET));
    }
    setIfAbsent(config, "hazelcast.phone.home.enabled", "false");
    setIfAbsent(config, "hazelcast.logging.type", "slf4j");
    setIfAbsent(config, RESPONSE_THREAD_COUNT, RESPONSES_ON_IO_THREAD);
    setIfAbsent(config, CONCURRENT_WINDOW_MS, ALWAYS_WRITE_THROUGH);
    return config;
  }

  private static void setIfAbsent(Config config, String property, String value) {
    if (config.getProperty(property) == null) {
      config.setProperty(property, value);
    }
  }
}
