package com.meetmates.signaling.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The image tarball Jib writes in signaling-node's verify phase, unpacked: its config and its root file system. */
final class ContainerImage {
  static final Path TARBALL = RepoFiles.root().resolve("signaling-node/target/signaling-node-image.tar");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long TAR_TIMEOUT_SECONDS = 120;

  private final JsonNode config;
  private final Path rootFileSystem;

  private ContainerImage(JsonNode config, Path rootFileSystem) {
    this.config = config;
    this.rootFileSystem = rootFileSystem;
  }

  static ContainerImage unpack(Path workDirectory) {
    if (!Files.isRegularFile(TARBALL)) {
      throw new IllegalStateException(TARBALL + " is missing: the image is built by `mvn -B verify` (signaling-node's "
          + "verify phase runs jib:buildTar); build it with `mvn -B -pl signaling-node verify -DskipTests`");
    }
    try {
      Path image = Files.createDirectories(workDirectory.resolve("image"));
      Path root = Files.createDirectories(workDirectory.resolve("rootfs"));
      untar(TARBALL, image);
      JsonNode manifest = JSON.readTree(image.resolve("manifest.json").toFile()).get(0);
      JsonNode config = JSON.readTree(image.resolve(manifest.path("Config").asText()).toFile());
      for (JsonNode layer : manifest.path("Layers")) {
        untar(image.resolve(layer.asText()), root);
      }
      return new ContainerImage(config, root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  JsonNode config() {
    return config.path("config");
  }

  int layerCount() {
    return config.path("rootfs").path("diff_ids").size();
  }

  Path root() {
    return rootFileSystem;
  }

  String env(String name) {
    for (JsonNode entry : config().path("Env")) {
      String text = entry.asText();
      if (text.startsWith(name + "=")) {
        return text.substring(name.length() + 1);
      }
    }
    throw new AssertionError("the image sets no " + name);
  }

  /** The image's classpath (Jib's @-file) with every path moved under the unpacked root. */
  String classpathUnderRoot() throws IOException {
    String inImage = Files.readString(rootFileSystem.resolve("app/jib-classpath-file")).trim();
    List<String> entries = new ArrayList<>();
    for (String entry : inImage.split(":")) {
      entries.add(rootFileSystem + entry);
    }
    return String.join(":", entries);
  }

  private static void untar(Path archive, Path into) throws IOException {
    Process tar = new ProcessBuilder("tar", "--warning=no-unknown-keyword", "-xf", archive.toString(), "-C", into.toString())
        .redirectErrorStream(true)
        .start();
    try {
      if (!tar.waitFor(TAR_TIMEOUT_SECONDS, TimeUnit.SECONDS) || tar.exitValue() != 0) {
        throw new IOException("tar could not unpack " + archive + ": " + new String(tar.getInputStream().readAllBytes()));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while unpacking " + archive, e);
    }
  }
}
