package com.meetmates.loadtests.meter;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what a server process costs from the outside, so that the server needs no instrumentation:
 * CPU time and RSS from /proc, the live Java heap from {@code jcmd} after a full GC.
 */
public final class ProcessMeter {

  private static final Pattern RSS = Pattern.compile("VmRSS:\\s+(\\d+) kB");
  private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");
  private static final long JCMD_TIMEOUT_SECONDS = 60;
  /** USER_HZ of Linux /proc accounting; the same on every mainstream kernel build. */
  private static final long CLOCK_TICKS_PER_SECOND = 100;
  /** Fields 14 and 15 of /proc/pid/stat (utime, stime), counted after the ")" that closes comm. */
  private static final int UTIME_AFTER_COMM = 11;
  private static final int STIME_AFTER_COMM = 12;

  private final long pid;

  public ProcessMeter(long pid) {
    this.pid = pid;
  }

  /** User plus system CPU time consumed by the process so far, at 10 ms resolution. */
  public long cpuNanos() {
    return cpuTimes().totalNanos();
  }

  /** The process's CPU time so far, in user space and in the kernel, at 10 ms resolution. */
  public CpuTimes cpuTimes() {
    String stat = read(Path.of("/proc", Long.toString(pid), "stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return new CpuTimes(ticksToNanos(Long.parseLong(fields[UTIME_AFTER_COMM])),
        ticksToNanos(Long.parseLong(fields[STIME_AFTER_COMM])));
  }

  private static long ticksToNanos(long ticks) {
    return TimeUnit.SECONDS.toNanos(ticks) / CLOCK_TICKS_PER_SECOND;
  }

  /** CPU time in user space and in the kernel (system calls, and the network stack work they do). */
  public record CpuTimes(long userNanos, long systemNanos) {
    public static final CpuTimes NONE = new CpuTimes(0, 0);

    public long totalNanos() {
      return userNanos + systemNanos;
    }

    public CpuTimes plus(CpuTimes other) {
      return new CpuTimes(userNanos + other.userNanos, systemNanos + other.systemNanos);
    }

    public CpuTimes minus(CpuTimes other) {
      return new CpuTimes(userNanos - other.userNanos, systemNanos - other.systemNanos);
    }
  }

  public long rssBytes() {
    Matcher matcher = RSS.matcher(read(Path.of("/proc", Long.toString(pid), "status")));
    if (!matcher.find()) {
      throw new IllegalStateException("no VmRSS for pid " + pid);
    }
    return Long.parseLong(matcher.group(1)) * 1024;
  }

  /** Heap in use right after a full GC: the live set, which is what idle sessions cost. */
  public long liveHeapBytes() {
    jcmd("GC.run");
    Matcher matcher = HEAP_USED.matcher(jcmd("GC.heap_info"));
    if (!matcher.find()) {
      throw new IllegalStateException("jcmd GC.heap_info of pid " + pid + " printed no heap usage");
    }
    return Long.parseLong(matcher.group(1)) * 1024;
  }

  /** The live objects by class, largest first: where the heap goes. */
  public String classHistogram() {
    return jcmd("GC.class_histogram");
  }

  /** The JVM's thread dump: each thread's Java name beside its native id ({@code nid=0x...}). */
  public String threadDump() {
    return jcmd("Thread.print");
  }

  private String jcmd(String command) {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    try {
      Process process = new ProcessBuilder(List.of(jcmd.toString(), Long.toString(pid), command))
          .redirectErrorStream(true).start();
      String output;
      try (InputStream in = process.getInputStream()) {
        output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      if (!process.waitFor(JCMD_TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException("jcmd " + pid + " " + command + " failed: " + output);
      }
      return output;
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + jcmd + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running jcmd", e);
    }
  }

  private static String read(Path path) {
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + path + ": " + e.getMessage(), e);
    }
  }

  /** {@code java ... ProcessMeter <pid> [heap]}: prints cpu_ms, rss_kb and, with "heap", live_heap_kb. */
  public static void main(String[] args) {
    ProcessMeter meter = new ProcessMeter(Long.parseLong(args[0]));
    StringBuilder line = new StringBuilder()
        .append("cpu_ms=").append(TimeUnit.NANOSECONDS.toMillis(meter.cpuNanos()))
        .append(" rss_kb=").append(meter.rssBytes() / 1024);
    if (args.length > 1 && args[1].equals("heap")) {
      line.append(" live_heap_kb=").append(meter.liveHeapBytes() / 1024);
    }
    System.out.println(line);
  }
}
