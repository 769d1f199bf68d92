package com.meetmates.loadtests.simulations;

import com.meetmates.loadtests.meter.ProcessMeter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Server CPU time per chat over the measured window of a run, from /proc (utime + stime of each node
 * process): read when the warm-up ends and when the measured injection ends, divided by the chats
 * started in between. The nodes' idle background (CPU per second with no users) is read before the
 * run, and the window's CPU is also broken down by thread (name without its number) so that a run
 * says where the time went: event loop, Hazelcast partition/IO threads, GC, JIT.
 */
final class ServerCpu {

  /** How long the idle nodes are watched before the run. */
  private static final Duration BACKGROUND = Duration.ofSeconds(5);
  /** USER_HZ of /proc accounting. */
  private static final long TICKS_PER_SECOND = 100;
  private static final int UTIME_AFTER_COMM = 11;
  private static final int STIME_AFTER_COMM = 12;
  /** Thread groups listed per node, busiest first. */
  private static final int THREAD_GROUPS_SHOWN = 14;
  /** A thread's header line in a thread dump: its name, then (after other fields) its native id. */
  private static final Pattern JAVA_THREAD = Pattern.compile("^\"([^\"]*)\".*? nid=0x([0-9a-f]+) ", Pattern.MULTILINE);

  private final List<Long> pids;
  private final IntSupplier chats;
  private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "server-cpu");
    thread.setDaemon(true);
    return thread;
  });
  private double[] backgroundMsPerSecond;
  private long[] runStartTicks;
  private volatile Reading start;
  private volatile Reading end;

  private record Reading(long nanos, int chats, List<Map<String, Long>> threadTicks, long[] systemTicks) {

    long ticks(int node) {
      return threadTicks.get(node).values().stream().mapToLong(Long::longValue).sum();
    }
  }

  ServerCpu(List<Long> pids, IntSupplier chats) {
    this.pids = pids;
    this.chats = chats;
  }

  /** Measures the idle background, then schedules the readings that bound the measured window. */
  void start(Duration warmUp, Duration measured) throws InterruptedException {
    long[] before = processTicks();
    long startNanos = System.nanoTime();
    TimeUnit.NANOSECONDS.sleep(BACKGROUND.toNanos());
    long[] after = processTicks();
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    backgroundMsPerSecond = new double[pids.size()];
    for (int i = 0; i < pids.size(); i++) {
      backgroundMsPerSecond[i] = millis(after[i] - before[i]) / seconds;
    }
    runStartTicks = after;
    clock.schedule(() -> start = read(), warmUp.toMillis(), TimeUnit.MILLISECONDS);
    clock.schedule(() -> end = read(), warmUp.plus(measured).toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * The figures of the window, one block of lines starting with "server CPU". Call when every user has finished:
   * the whole-run figure (warm-up, window and tail, every chat) stays right when the nodes fall behind the
   * offered rate, where chats started in the window no longer measure the work done in it.
   */
  String report() {
    clock.shutdownNow();
    long[] runEndTicks = processTicks();
    long runTicks = 0;
    for (int i = 0; i < pids.size(); i++) {
      runTicks += runEndTicks[i] - runStartTicks[i];
    }
    String wholeRun = String.format(Locale.ROOT, "server CPU per chat over the whole run (warm-up included): %.2f ms (%d ms, %d chats)",
        millis(runTicks) / Math.max(1, chats.getAsInt()), Math.round(millis(runTicks)), chats.getAsInt());
    if (start == null || end == null) {
      return wholeRun + "; the window was not measured (the run ended before its measured window did)";
    }
    int windowChats = end.chats - start.chats;
    double seconds = (end.nanos - start.nanos) / 1e9;
    long totalTicks = 0;
    long compilerTicks = 0;
    StringBuilder perNode = new StringBuilder();
    StringBuilder threads = new StringBuilder();
    for (int i = 0; i < pids.size(); i++) {
      long ticks = end.ticks(i) - start.ticks(i);
      totalTicks += ticks;
      compilerTicks += compilerTicks(start.threadTicks.get(i), end.threadTicks.get(i));
      perNode.append(String.format(Locale.ROOT, "%s%.2f (%.0f%% system)", i == 0 ? "" : " / ",
          millis(ticks) / Math.max(1, windowChats), 100.0 * (end.systemTicks[i] - start.systemTicks[i]) / Math.max(1, ticks)));
      threads.append(String.format(Locale.ROOT, "server CPU by thread, node %d (pid %d), ms over the window: %s%n",
          i + 1, pids.get(i), byThreadGroup(start.threadTicks.get(i), end.threadTicks.get(i), javaNames(pids.get(i)))));
    }
    String background = Arrays.stream(backgroundMsPerSecond)
        .mapToObj(ms -> String.format(Locale.ROOT, "%.1f", ms)).collect(Collectors.joining(" / "));
    return String.format(Locale.ROOT,
        "server CPU per chat: %.2f ms (sum of %d node processes; per node %s ms) = %d ms over %.1f s and %d chats; "
            + "%.0f%% of a core per node on average%n"
            + "server CPU per chat without the JIT compiler threads (still compiling after a short warm-up): %.2f ms%n"
            + "%s%n"
            + "server CPU idle background before the run: %s ms per second per node%n%s",
        millis(totalTicks) / Math.max(1, windowChats), pids.size(), perNode, Math.round(millis(totalTicks)), seconds,
        windowChats, 100 * millis(totalTicks) / 1000 / seconds / pids.size(),
        millis(totalTicks - compilerTicks) / Math.max(1, windowChats), wholeRun, background, threads).trim();
  }

  private static double millis(long ticks) {
    return ticks * 1000.0 / TICKS_PER_SECOND;
  }

  private Reading read() {
    List<Map<String, Long>> perNode = new ArrayList<>();
    long[] systemTicks = new long[pids.size()];
    for (int i = 0; i < pids.size(); i++) {
      perNode.add(threadTicks(pids.get(i)));
      systemTicks[i] = systemTicks(pids.get(i));
    }
    return new Reading(System.nanoTime(), chats.getAsInt(), perNode, systemTicks);
  }

  private long[] processTicks() {
    return pids.stream().mapToLong(pid -> new ProcessMeter(pid).cpuNanos() * TICKS_PER_SECOND / 1_000_000_000L)
        .toArray();
  }

  /** Time of the JIT compiler threads (HotSpot names them "C1 CompilerThread0", "C2 CompilerThread0", ...). */
  private static long compilerTicks(Map<String, Long> start, Map<String, Long> end) {
    return end.entrySet().stream().filter(thread -> thread.getKey().contains(" C") && thread.getKey().contains("CompilerThre"))
        .mapToLong(thread -> thread.getValue() - start.getOrDefault(thread.getKey(), 0L)).sum();
  }

  /** stime of the whole process: the kernel's share (system calls, wake-ups). */
  private static long systemTicks(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[STIME_AFTER_COMM]);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read /proc/" + pid + "/stat", e);
    }
  }

  /** utime + stime of every live thread of a process, by "tid name". */
  private static Map<String, Long> threadTicks(long pid) {
    Map<String, Long> ticks = new HashMap<>();
    try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
      for (Path task : tasks.toList()) {
        try {
          String stat = Files.readString(task.resolve("stat"));
          String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
          String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          ticks.put(task.getFileName() + " " + name,
              Long.parseLong(fields[UTIME_AFTER_COMM]) + Long.parseLong(fields[STIME_AFTER_COMM]));
        } catch (IOException threadEnded) {
          // A thread that ended between the listing and the read: its time is no longer the process's to split.
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot list the threads of pid " + pid, e);
    }
    return ticks;
  }

  /** Native thread id to Java thread name: /proc truncates names to 15 characters. */
  private static Map<String, String> javaNames(long pid) {
    Map<String, String> names = new HashMap<>();
    Matcher thread = JAVA_THREAD.matcher(new ProcessMeter(pid).threadDump());
    while (thread.find()) {
      names.put(Long.toString(Long.parseLong(thread.group(2), 16)), thread.group(1));
    }
    return names;
  }

  /**
   * Per thread group (the Java name with its numbers and Hazelcast's instance name dropped), the time spent in
   * the window, busiest first.
   */
  private static String byThreadGroup(Map<String, Long> start, Map<String, Long> end, Map<String, String> javaNames) {
    Map<String, Long> groups = new TreeMap<>();
    end.forEach((thread, ticks) -> {
      String tid = thread.substring(0, thread.indexOf(' '));
      String name = javaNames.getOrDefault(tid, thread.substring(thread.indexOf(' ') + 1));
      String group = name.replaceFirst("^hz\\.[^.]+\\.", "hz.").replaceAll("[0-9]+", "#");
      groups.merge(group, ticks - start.getOrDefault(thread, 0L), Long::sum);
    });
    return groups.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(THREAD_GROUPS_SHOWN)
        .map(entry -> String.format(Locale.ROOT, "%s %d", entry.getKey(), Math.round(millis(entry.getValue()))))
        .collect(Collectors.joining(", "));
  }
}
