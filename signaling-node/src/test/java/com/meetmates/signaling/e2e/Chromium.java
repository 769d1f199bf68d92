package com.meetmates.signaling.e2e;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Starts Debian's system Chromium through its matching chromedriver: no browser or driver is ever
 * downloaded (both paths are given, so Selenium Manager is not consulted).
 */
final class Chromium {

  static final Path BROWSER = Path.of(System.getProperty("e2e.chromium", "/usr/bin/chromium"));
  static final Path DRIVER = Path.of(System.getProperty("e2e.chromedriver", "/usr/bin/chromedriver"));
  static final String INSTALL_HINT =
      "install Debian's browser and driver: apt-get install -y chromium chromium-driver (or run bash .ci/install-tools)";

  /** Keeps Chromium off the network and makes WebRTC work on loopback with a synthetic camera. */
  private static final List<String> FLAGS = List.of(
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--use-fake-device-for-media-stream",
      "--allow-loopback-in-peer-connection");
  /** Grants camera and microphone without a prompt. */
  private static final String ALLOW_CAMERA = "--use-fake-ui-for-media-stream";
  /** Answers every permission prompt with "block", as a person refusing the camera does. */
  private static final String REFUSE_CAMERA = "--deny-permission-prompts";

  /**
   * Debian's Chromium is newer than the DevTools bindings Selenium ships, which it warns about on every
   * launch; these tests only send raw CDP commands, which do not need the bindings.
   */
  private static final Logger CDP_VERSION_WARNINGS = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

  static {
    CDP_VERSION_WARNINGS.setLevel(Level.SEVERE);
  }

  enum Camera { ALLOWED, REFUSED }

  private Chromium() {
  }

  static ChromeDriver launch(Camera camera, int width, int height, Path userDataDir) {
    requireInstalled();
    List<String> arguments = new ArrayList<>(FLAGS);
    arguments.add(camera == Camera.ALLOWED ? ALLOW_CAMERA : REFUSE_CAMERA);
    arguments.add("--window-size=" + width + "," + height);
    arguments.add("--user-data-dir=" + userDataDir);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER.toFile());
    options.addArguments(arguments);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(DRIVER.toFile())
        .usingAnyFreePort()
        .withSilent(true)
        .build();
    return new ChromeDriver(service, options);
  }

  static Path freshUserDataDir() {
    try {
      return Files.createTempDirectory("e2e-chromium-");
    } catch (IOException e) {
      throw new IllegalStateException("cannot create a Chromium profile directory", e);
    }
  }

  private static void requireInstalled() {
    if (!Files.isExecutable(BROWSER)) {
      fail("Chromium is missing at " + BROWSER + ": " + INSTALL_HINT);
    }
    if (!Files.isExecutable(DRIVER)) {
      fail("chromedriver is missing at " + DRIVER + ": " + INSTALL_HINT);
    }
  }
}
