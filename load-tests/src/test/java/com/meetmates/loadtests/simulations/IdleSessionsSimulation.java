package com.meetmates.loadtests.simulations;

import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.ws;

import com.meetmates.loadtests.meter.Footprint;
import com.meetmates.loadtests.meter.ProcessMeter;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The capacity run: sessions connect (Engine.IO open and Socket.IO CONNECT, answering heartbeats)
 * and stay idle while the node's live heap and RSS are measured; the difference from the empty
 * node, divided by the sessions, is what one idle session costs. Spread the client sockets over
 * several source addresses (sources=127.0.0.2,...,127.0.0.9) for more than a few thousand.
 *
 * <p>System properties: baseUrl, sessions (default 100), rampSeconds (10), holdSeconds (how long
 * after the ramp to stay connected at most, 60: every session is still there when the last one has
 * connected, however long the ramp), nodePid (measure this process; without it, nothing is measured
 * and sessions stay holdSeconds), heapMetricsUrl (for a non-Java node), sources, resultFile
 * (target/idle-sessions.txt), histogram (true: also write the node's class histogram while the
 * sessions are held, beside the result file, to see where the heap goes).
 */
public class IdleSessionsSimulation extends Simulation {

  static final String GROUP = "idle session";
  private static final Logger LOG = LoggerFactory.getLogger(IdleSessionsSimulation.class);
  private static final Duration SETTLE = Duration.ofSeconds(2);
  private static final Duration HOLD_POLL = Duration.ofMillis(500);

  /** Read by the smoke test: the per-session figures of the last run in this JVM. */
  static final AtomicReference<String> LAST_RESULT = new AtomicReference<>("");

  private final int sessions = LoadSettings.integer("sessions", 100);
  private final Duration ramp = LoadSettings.seconds("rampSeconds", 10);
  private final Duration hold = LoadSettings.seconds("holdSeconds", 60);
  private final Duration timeout = LoadSettings.seconds("stepTimeoutSeconds", 10);
  private final long nodePid = Long.getLong("nodePid", 0);
  private final String heapMetricsUrl = System.getProperty("heapMetricsUrl", "");
  private final Path resultFile = Path.of(System.getProperty("resultFile", "target/idle-sessions.txt"));
  private final AtomicInteger connected = new AtomicInteger();
  private final AtomicInteger measured = new AtomicInteger();
  /** Set when the simulation starts: the end of the ramp plus the hold. */
  private volatile long holdDeadlineMillis = Long.MAX_VALUE;

  private final ScenarioBuilder scenario = scenario("idle sessions").exec(group(GROUP).on(
      exec(SocketIoSteps.connect(timeout))
          .exec(session -> {
            connected.incrementAndGet();
            return session;
          })
          .exec(asLongAs(session -> measured.get() == 0 && System.currentTimeMillis() < holdDeadlineMillis)
              .on(pause(HOLD_POLL)))
          .exec(ws("leave").close())));

  {
    setUp(scenario.injectOpen(rampUsers(sessions).during(ramp)))
        .protocols(LoadSettings.protocol())
        .assertions(
            global().failedRequests().count().is(0L),
            details(GROUP).failedRequests().count().is(0L),
            details(GROUP, SocketIoSteps.CONNECT_ACK).successfulRequests().count().is((long) sessions));
  }

  @Override
  public void before() {
    LAST_RESULT.set("");
    holdDeadlineMillis = System.currentTimeMillis() + ramp.plus(hold).toMillis();
    if (nodePid == 0) {
      LOG.warn("no -DnodePid given: sessions are held {} s and nothing is measured", hold.toSeconds());
      return;
    }
    ProcessMeter process = new ProcessMeter(nodePid);
    Footprint empty = Footprint.of(process, heapMetricsUrl);
    Thread meter = new Thread(() -> measureWhenAllConnected(process, empty), "idle-sessions-meter");
    meter.setDaemon(true);
    meter.start();
  }

  private void measureWhenAllConnected(ProcessMeter process, Footprint empty) {
    long giveUpAt = System.nanoTime() + ramp.plus(hold).toNanos();
    try {
      while (connected.get() < sessions && System.nanoTime() < giveUpAt) {
        TimeUnit.MILLISECONDS.sleep(HOLD_POLL.toMillis());
      }
      TimeUnit.MILLISECONDS.sleep(SETTLE.toMillis());
      int held = connected.get();
      Footprint full = Footprint.of(process, heapMetricsUrl);
      Footprint added = full.minus(empty);
      String result = String.format(Locale.ROOT,
          "idle sessions: %d held; live heap %d KB -> %d KB (%.2f KB per session); RSS %d KB -> %d KB (%.2f KB per session)%n",
          held, empty.liveHeapBytes() / 1024, full.liveHeapBytes() / 1024, added.liveHeapBytes() / 1024.0 / held,
          empty.rssBytes() / 1024, full.rssBytes() / 1024, added.rssBytes() / 1024.0 / held);
      LOG.warn(result.trim());
      Files.createDirectories(resultFile.toAbsolutePath().getParent());
      Files.writeString(resultFile, result);
      if (Boolean.getBoolean("histogram")) {
        Path histogram = resultFile.resolveSibling(resultFile.getFileName() + ".histogram");
        Files.writeString(histogram, process.classHistogram());
        LOG.warn("class histogram of node {} with {} sessions held: {}", nodePid, held, histogram.toAbsolutePath());
      }
      LAST_RESULT.set(result);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException | RuntimeException e) {
      LOG.error("measuring node {} failed: {}", nodePid, e.getMessage());
    } finally {
      measured.incrementAndGet();
    }
  }
}
