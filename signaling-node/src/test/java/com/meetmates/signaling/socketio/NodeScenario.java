package com.meetmates.signaling.socketio;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs one scenario script of {@code src/test/node/scenarios} with the real Node
 * {@code socket.io-client}: {@code node <script> <url> <transport>}; the script prints one JSON
 * object per line, each with a {@code step} name.
 */
final class NodeScenario {

  static final Path CLIENT_DIR = Path.of("src", "test", "node");
  private static final Path CLIENT_PACKAGE = CLIENT_DIR.resolve(Path.of("node_modules", "socket.io-client"));
  private static final long RUN_TIMEOUT_SECONDS = 60;

  private NodeScenario() {
  }

  /** Fails with a message saying how to get Node and the client if either is missing. */
  static void requireNodeClient() {
    try {
      Process version = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      if (!version.waitFor(RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS) || version.exitValue() != 0) {
        throw new AssertionError("'node --version' failed: install Node.js 18 or later with npm");
      }
    } catch (IOException e) {
      throw new AssertionError("Node.js is not installed (no 'node' on the PATH): install Node.js 18 or later with npm"
          + " (Debian: apt-get install nodejs npm), then run the Maven build again, which installs socket.io-client", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    if (!Files.isDirectory(CLIENT_PACKAGE)) {
      throw new AssertionError("socket.io-client is not installed in " + CLIENT_DIR.toAbsolutePath()
          + ": run the Maven build (generate-test-resources runs 'npm ci' there) or 'npm ci' in that folder");
    }
  }

  /** The lines the scenario printed; fails unless it ended with its "done" line and exit code 0. */
  static List<JsonObject> run(String scenario, String url, TransportMode mode) throws Exception {
    Process process = new ProcessBuilder("node", Path.of("scenarios", scenario + ".js").toString(), url, mode.argument())
        .directory(CLIENT_DIR.toFile())
        .start();
    CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
    String stdout = readAll(process.getInputStream());
    if (!process.waitFor(RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(scenario + " did not end within " + RUN_TIMEOUT_SECONDS + " s; printed:\n" + stdout);
    }
    List<JsonObject> lines = stdout.lines().filter(line -> line.startsWith("{")).map(JsonObject::new).toList();
    boolean done = !lines.isEmpty() && "done".equals(lines.get(lines.size() - 1).getString("step"));
    if (process.exitValue() != 0 || !done) {
      throw new AssertionError(scenario + " (" + mode.argument() + ") failed with exit code " + process.exitValue()
          + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr.get(RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS));
    }
    return lines;
  }

  /** The first line of that step; fails if the scenario printed none. */
  static JsonObject step(List<JsonObject> lines, String step) {
    return lines.stream().filter(line -> step.equals(line.getString("step"))).findFirst()
        .orElseThrow(() -> new AssertionError("no step '" + step + "' in " + lines));
  }

  private static String readAll(java.io.InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
