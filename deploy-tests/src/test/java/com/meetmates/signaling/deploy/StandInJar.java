package com.meetmates.signaling.deploy;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A runnable jar for `java -jar` that starts a test class ({@link StandInNode} by default): only a
 * manifest, whose Class-Path names this test run's own classpath (test classes, Hazelcast, Logback).
 */
final class StandInJar {
  private StandInJar() {
  }

  static Path write(Path directory) {
    return write(directory, StandInNode.class, "stand-in-node.jar");
  }

  static Path write(Path directory, Class<?> mainClass, String fileName) {
    Manifest manifest = new Manifest();
    Attributes attributes = manifest.getMainAttributes();
    attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    attributes.put(Attributes.Name.MAIN_CLASS, mainClass.getName());
    attributes.put(Attributes.Name.CLASS_PATH, Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
        .map(entry -> Path.of(entry).toUri().toString())
        .collect(Collectors.joining(" ")));
    try {
      Files.createDirectories(directory);
      Path jar = directory.resolve(fileName);
      try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
        return jar;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
