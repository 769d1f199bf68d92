package com.meetmates.signaling.e2e;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

/** One person: a fresh headless Chromium showing the demo page of one node. */
final class ChatPage implements AutoCloseable {

  static final int WIDTH = 1100;
  static final int HEIGHT = 720;
  /** Generous: the CI machine has two cores shared with Hazelcast members and up to four browsers. */
  static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final Duration POLL = Duration.ofMillis(200);
  /** How far the remote video's clock must move to count as playing. */
  private static final double PLAYBACK_ADVANCE_SECONDS = 1.0;

  private static final String PROBE = readResource("/e2e/peer-connection-probe.js");

  private final String name;
  private final ChromeDriver driver;
  private final Path profile;

  private ChatPage(String name, ChromeDriver driver, Path profile) {
    this.name = name;
    this.driver = driver;
    this.profile = profile;
  }

  /** Opens the node's page and waits until its socket is connected. */
  static ChatPage open(String name, URI node, Chromium.Camera camera) {
    Path profile = Chromium.freshUserDataDir();
    ChromeDriver driver = Chromium.launch(camera, WIDTH, HEIGHT, profile);
    ChatPage page = new ChatPage(name, driver, profile);
    try {
      driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", PROBE));
      driver.get(node.toString());
      page.waitUntil("its socket is connected", () -> !page.selfId().isEmpty());
      return page;
    } catch (RuntimeException e) {
      page.close();
      throw e;
    }
  }

  String name() {
    return name;
  }

  void startVideoChat() {
    driver.findElement(By.id("start-video")).click();
  }

  void startTextChat() {
    driver.findElement(By.id("start-text")).click();
  }

  void clickNext() {
    driver.findElement(By.id("next")).click();
  }

  void type(String text) {
    driver.findElement(By.id("message-input")).sendKeys(text, Keys.ENTER);
  }

  String selfId() {
    return string("return document.getElementById('chat').dataset.selfId || ''");
  }

  String partnerId() {
    return string("return document.getElementById('chat').dataset.partnerId || ''");
  }

  /** idle, starting, waiting, chatting, partner-left or offline. */
  String mode() {
    return string("return document.getElementById('chat').dataset.mode");
  }

  boolean showsVideoLayout() {
    return "true".equals(string("return document.getElementById('chat').dataset.withVideo"));
  }

  String statusLine() {
    return driver.findElement(By.id("status")).getText();
  }

  /** The kinds of the page's own lines in the log (partner-left, camera-refused, ...). */
  List<String> noticeKinds() {
    return strings("return [...document.querySelectorAll('#messages .notice')].map(e => e.dataset.kind)");
  }

  List<String> messageTexts() {
    return strings("return [...document.querySelectorAll('#messages .msg')].map(e => e.firstChild.textContent)");
  }

  /** The connection banner: connecting, lost, reconnecting, restored, or hidden. */
  String connectionBanner() {
    return string("const b = document.getElementById('connection-banner'); return b.hidden ? 'hidden' : b.dataset.state");
  }

  String callBadge() {
    return string("const b = document.getElementById('call-state'); return b.hidden ? 'hidden' : b.dataset.state");
  }

  /** connectionState of the newest RTCPeerConnection the page created, or "none". */
  String peerConnectionState() {
    return string("const pcs = window.__e2ePeerConnections || [];"
        + " return pcs.length ? pcs[pcs.length - 1].connectionState : 'none'");
  }

  /** The ICE server URLs the newest RTCPeerConnection was built with. */
  List<String> iceServerUrls() {
    return strings("const pcs = window.__e2ePeerConnections || [];"
        + " return pcs.length ? pcs[pcs.length - 1].getConfiguration().iceServers.flatMap(s => [].concat(s.urls)) : []");
  }

  RemoteVideo remoteVideo() {
    @SuppressWarnings("unchecked")
    Map<String, Object> video = (Map<String, Object>) driver.executeScript(
        "const v = document.getElementById('remote-video');"
            + " return {width: v.videoWidth, height: v.videoHeight, time: v.currentTime, paused: v.paused};");
    return new RemoteVideo(
        ((Number) video.get("width")).intValue(),
        ((Number) video.get("height")).intValue(),
        ((Number) video.get("time")).doubleValue(),
        (Boolean) video.get("paused"));
  }

  /** Waits for a live call: RTCPeerConnection connected and the remote video showing frames whose clock advances. */
  RemoteVideo awaitPlayingRemoteVideo() {
    waitUntil("its RTCPeerConnection is connected", () -> "connected".equals(peerConnectionState()));
    waitUntil("the remote video has frames", () -> remoteVideo().width() > 0);
    double start = remoteVideo().time();
    waitUntil("the remote video plays on", () -> remoteVideo().time() >= start + PLAYBACK_ADVANCE_SECONDS);
    return remoteVideo();
  }

  void awaitMode(String mode) {
    waitUntil("it shows mode '" + mode + "'", () -> mode.equals(mode()));
  }

  void awaitNotice(String kind) {
    waitUntil("it shows a '" + kind + "' line", () -> noticeKinds().contains(kind));
  }

  void awaitMessage(String text) {
    waitUntil("it shows the message '" + text + "'", () -> messageTexts().contains(text));
  }

  void waitUntil(String what, java.util.concurrent.Callable<Boolean> condition) {
    await(name + ": " + what)
        .atMost(TIMEOUT)
        .pollInterval(POLL)
        .ignoreExceptions()
        .until(condition);
  }

  byte[] screenshotPng() {
    return driver.getScreenshotAs(OutputType.BYTES);
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      deleteRecursively(profile);
    }
  }

  private String string(String script) {
    return String.valueOf(driver.executeScript(script));
  }

  @SuppressWarnings("unchecked")
  private List<String> strings(String script) {
    return (List<String>) driver.executeScript(script);
  }

  private static String readResource(String path) {
    try (InputStream in = ChatPage.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the Chromium profile " + dir, e);
    }
  }

  record RemoteVideo(int width, int height, double time, boolean paused) {
  }
}
