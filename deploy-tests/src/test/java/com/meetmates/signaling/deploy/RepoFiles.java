package com.meetmates.signaling.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the deployment artefacts at the top of the repository, which these tests check. */
final class RepoFiles {
  private static final String ROOT_PROPERTY = "repo.root";

  private RepoFiles() {
  }

  static Path root() {
    String configured = System.getProperty(ROOT_PROPERTY);
    Path root = configured != null ? Path.of(configured) : Path.of("..");
    Path normalized = root.toAbsolutePath().normalize();
    if (!Files.isDirectory(normalized.resolve("cluster-config"))) {
      throw new IllegalStateException("repository root not found at " + normalized
          + "; run the tests through Maven (mvn -pl deploy-tests test) or set -Drepo.root");
    }
    return normalized;
  }

  static Path clusterConfig(String fileName) {
    return root().resolve("cluster-config").resolve(fileName);
  }

  static Path chart() {
    return root().resolve("helm").resolve("meetmates-signaling");
  }
}
