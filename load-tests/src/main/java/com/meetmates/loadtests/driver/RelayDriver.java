package com.meetmates.loadtests.driver;

import com.meetmates.loadtests.meter.HazelcastOperations;
import com.meetmates.loadtests.meter.ProcessMeter;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;

/**
 * Drives a relay run: sets pairs up one at a time (measuring findChat to chatStart and the offer's
 * one-way trip on an otherwise idle server), then has every member send relayed messages at the
 * offered rate and measures one-way latency at the receiver. Gatling measures request/response;
 * this measures what Gatling cannot: the time from one client's send to its partner's receive.
 */
public final class RelayDriver {

  private static final long HIGHEST_TRACKABLE_NANOS = TimeUnit.SECONDS.toNanos(60);

  private final RelayOptions options;

  public RelayDriver(RelayOptions options) {
    this.options = options;
  }

  public RelayResult run() throws InterruptedException {
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(options.driverThreads()));
    try {
      return run(vertx);
    } finally {
      await(vertx.close());
    }
  }

  private RelayResult run(Vertx vertx) throws InterruptedException {
    long epoch = System.nanoTime();
    List<RelayGroup> groups = new ArrayList<>();
    for (int i = 0; i < options.driverThreads(); i++) {
      RelayGroup group = new RelayGroup(options, epoch);
      await(vertx.deployVerticle(group, new DeploymentOptions().setThreadingModel(ThreadingModel.EVENT_LOOP)));
      groups.add(group);
    }
    HazelcastReading idleStart = readHazelcast(false);
    HazelcastReading beforeSetUp = readHazelcast(true);
    Histogram match = new Histogram(HIGHEST_TRACKABLE_NANOS, 3);
    Histogram offer = new Histogram(HIGHEST_TRACKABLE_NANOS, 3);
    List<String> targets = options.targets();
    for (int i = 0; i < options.pairs(); i++) {
      String targetA = targets.get(i % targets.size());
      String targetB = options.placement() == Placement.CROSS_NODE ? targets.get((i + 1) % targets.size()) : targetA;
      PairTimings timings = await(groups.get(i % groups.size()).setUpPair(i, targetA, targetB));
      if (options.protocol() == Protocol.SOCKETIO) {
        match.recordValue(Math.min(timings.findChatToChatStartNanos(), HIGHEST_TRACKABLE_NANOS));
        offer.recordValue(Math.min(timings.offerToPartnerNanos(), HIGHEST_TRACKABLE_NANOS));
      }
    }

    HazelcastReading afterSetUp = readHazelcast(true);
    long recordFrom = System.nanoTime() + options.warmup().toNanos();
    long recordUntil = recordFrom + options.duration().toNanos();
    List<Future<GroupResult>> running = new ArrayList<>();
    for (RelayGroup group : groups) {
      running.add(group.relay((double) options.ratePerSecond() / groups.size(), recordFrom, recordUntil));
    }
    List<ProcessMeter> meters = options.serverPids().stream().map(ProcessMeter::new).toList();
    sleepUntil(recordFrom);
    ProcessMeter.CpuTimes cpuBefore = cpuTimes(meters);
    sleepUntil(recordUntil);
    ProcessMeter.CpuTimes cpuAfter = cpuTimes(meters);

    Histogram latency = new Histogram(HIGHEST_TRACKABLE_NANOS, 3);
    long sent = 0;
    long received = 0;
    long receivedInWindow = 0;
    for (Future<GroupResult> result : running) {
      GroupResult group = await(result);
      latency.add(group.latency());
      sent += group.sent();
      received += group.received();
      receivedInWindow += group.receivedInWindow();
    }
    HazelcastReading afterRelay = readHazelcast(true);
    for (RelayGroup group : groups) {
      await(group.closeAll());
    }
    return new RelayResult(options, latency, match, offer, sent, received, receivedInWindow,
        options.duration(), cpuAfter.minus(cpuBefore), new HazelcastTally(
            beforeSetUp.since(idleStart), afterSetUp.since(beforeSetUp), afterRelay.since(afterSetUp)));
  }

  private static ProcessMeter.CpuTimes cpuTimes(List<ProcessMeter> meters) {
    return meters.stream().map(ProcessMeter::cpuTimes).reduce(ProcessMeter.CpuTimes.NONE, ProcessMeter.CpuTimes::plus);
  }

  /**
   * Reads the Hazelcast operations so far, after waiting for Hazelcast to publish them when asked;
   * nothing when not counting.
   */
  private HazelcastReading readHazelcast(boolean afterPublishing) throws InterruptedException {
    if (!options.countHazelcast()) {
      return new HazelcastReading(new HazelcastOperations.Count(0, 0), System.nanoTime());
    }
    if (afterPublishing) {
      TimeUnit.NANOSECONDS.sleep(options.hazelcastPublishLag().toNanos());
    }
    return new HazelcastReading(HazelcastOperations.of(options.serverPids()), System.nanoTime());
  }

  private record HazelcastReading(HazelcastOperations.Count count, long nanos) {

    HazelcastTally.Interval since(HazelcastReading earlier) {
      return new HazelcastTally.Interval(count.minus(earlier.count), Duration.ofNanos(nanos - earlier.nanos));
    }
  }

  private static void sleepUntil(long nanoTime) throws InterruptedException {
    long remaining = nanoTime - System.nanoTime();
    if (remaining > 0) {
      TimeUnit.NANOSECONDS.sleep(remaining);
    }
  }

  private <T> T await(Future<T> future) throws InterruptedException {
    long timeout = RelayOptions.STEP_TIMEOUT.toMillis() + options.warmup().toMillis()
        + options.duration().toMillis() + RelayOptions.DRAIN_TIMEOUT.toMillis();
    try {
      return future.toCompletionStage().toCompletableFuture().get(timeout, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException("relay run failed: " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("relay run step did not finish within " + timeout + " ms", e);
    }
  }

  /**
   * {@code java -cp ... RelayDriver --targets=http://127.0.0.1:3001[,http://...] --protocol=socketio|raw
   * --placement=same|cross --pairs=50 --rate=5000 (0 saturates) --window=8 --warmup=5 --duration=20
   * --threads=1 --sources=127.0.0.2,... --pids=1234[,5678] --hazelcast --hazelcast-lag-ms=6000}
   */
  public static void main(String[] args) throws InterruptedException {
    java.util.Map<String, String> flags = Arrays.stream(args)
        .map(arg -> arg.replaceFirst("^--", "").split("=", 2))
        .collect(Collectors.toMap(kv -> kv[0], kv -> kv.length > 1 ? kv[1] : "true"));
    RelayOptions options = new RelayOptions(
        list(flags.getOrDefault("targets", "http://127.0.0.1:3001")),
        Protocol.valueOf(flags.getOrDefault("protocol", "socketio").toUpperCase(java.util.Locale.ROOT)),
        flags.getOrDefault("placement", "same").equals("cross") ? Placement.CROSS_NODE : Placement.SAME_NODE,
        Integer.parseInt(flags.getOrDefault("pairs", "50")),
        Integer.parseInt(flags.getOrDefault("rate", "2000")),
        Integer.parseInt(flags.getOrDefault("window", Integer.toString(RelayOptions.DEFAULT_WINDOW))),
        Duration.ofSeconds(Long.parseLong(flags.getOrDefault("warmup", "5"))),
        Duration.ofSeconds(Long.parseLong(flags.getOrDefault("duration", "20"))),
        list(flags.getOrDefault("sources", "")),
        Integer.parseInt(flags.getOrDefault("threads", "1")),
        list(flags.getOrDefault("pids", "")).stream().map(Long::parseLong).toList(),
        flags.containsKey("hazelcast"),
        Duration.ofMillis(Long.parseLong(flags.getOrDefault("hazelcast-lag-ms",
            Long.toString(HazelcastOperations.PUBLISH_LAG.toMillis())))));
    RelayResult result = new RelayDriver(options).run();
    System.out.print(result.summary());
    if (result.lost() > 0) {
      System.exit(1);
    }
  }

  private static List<String> list(String commaSeparated) {
    return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
