package com.meetmates.signaling.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs cluster-config/local-cluster.sh as a person would, with the settings a test gives it. */
final class LocalClusterScript {
  private static final long TIMEOUT_SECONDS = 240;

  private final Map<String, String> environment;
  private final Path outputDir;

  LocalClusterScript(Map<String, String> environment, Path outputDir) {
    this.environment = new HashMap<>(environment);
    this.outputDir = outputDir;
  }

  /** What one run printed and how it ended. */
  record Result(int exitCode, String stdout, String stderr) {
  }

  /** Runs one command (up, status, down) and returns its standard output; fails on a non-zero exit. */
  String run(String... arguments) {
    Result result = attempt(arguments);
    if (result.exitCode() != 0) {
      throw new AssertionError("local-cluster.sh " + String.join(" ", arguments) + " exited with "
          + result.exitCode() + "\nstdout: " + result.stdout() + "\nstderr: " + result.stderr());
    }
    return result.stdout();
  }

  /** Runs one command and returns how it ended, whatever its exit code. */
  Result attempt(String... arguments) {
    try {
      Files.createDirectories(outputDir);
      Path stdout = Files.createTempFile(outputDir, "script-", ".out");
      Path stderr = Files.createTempFile(outputDir, "script-", ".err");
      List<String> command = new java.util.ArrayList<>();
      command.add("bash");
      command.add(RepoFiles.clusterConfig("local-cluster.sh").toString());
      command.addAll(List.of(arguments));
      ProcessBuilder builder = new ProcessBuilder(command)
          .redirectOutput(stdout.toFile())
          .redirectError(stderr.toFile());
      builder.environment().putAll(environment);
      Process process = builder.start();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("local-cluster.sh " + String.join(" ", arguments) + " still running after "
            + TIMEOUT_SECONDS + " s; stderr: " + Files.readString(stderr));
      }
      return new Result(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
          Files.readString(stderr, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while running local-cluster.sh", e);
    }
  }
}
