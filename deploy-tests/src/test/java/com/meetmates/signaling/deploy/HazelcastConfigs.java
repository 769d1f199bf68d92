package com.meetmates.signaling.deploy;

import com.hazelcast.config.Config;
import java.io.FileNotFoundException;
import java.io.UncheckedIOException;

/** Loads the shipped Hazelcast files exactly as the node must: with Hazelcast's own loader. */
final class HazelcastConfigs {
  static final String LOCAL = "hazelcast-local.xml";
  static final String KUBERNETES = "hazelcast-kubernetes.xml";

  private HazelcastConfigs() {
  }

  static Config load(String fileName) {
    try {
      return Config.loadFromFile(RepoFiles.clusterConfig(fileName).toFile());
    } catch (FileNotFoundException e) {
      throw new UncheckedIOException(e);
    }
  }

  static int intProperty(Config config, String name) {
    String value = config.getProperty(name);
    if (value == null) {
      throw new AssertionError(name + " is not set in the configuration");
    }
    return Integer.parseInt(value);
  }
}
