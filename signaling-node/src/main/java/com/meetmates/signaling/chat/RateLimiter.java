package com.meetmates.signaling.chat;

import java.util.function.LongSupplier;

/**
 * Per-socket token bucket, plus an abuse counter: a socket that keeps sending after its bucket is
 * empty gets disconnected instead of costing an error reply forever. Used from one thread at a time.
 */
final class RateLimiter {

  enum Verdict { ACCEPT, DROP, DISCONNECT }

  private final ChatSettings settings;
  private final LongSupplier nanoClock;
  private double tokens;
  private long lastRefillNanos;
  private long windowStartNanos;
  private int dropsInWindow;

  RateLimiter(ChatSettings settings, LongSupplier nanoClock) {
    this.settings = settings;
    this.nanoClock = nanoClock;
    this.tokens = settings.rateLimitBurst();
    this.lastRefillNanos = nanoClock.getAsLong();
    this.windowStartNanos = lastRefillNanos;
  }

  Verdict acquire() {
    if (!settings.rateLimited()) {
      return Verdict.ACCEPT;
    }
    long now = nanoClock.getAsLong();
    refill(now);
    if (tokens >= 1) {
      tokens -= 1;
      return Verdict.ACCEPT;
    }
    if (now - windowStartNanos > settings.abuseWindowMillis() * 1_000_000L) {
      windowStartNanos = now;
      dropsInWindow = 0;
    }
    dropsInWindow++;
    return dropsInWindow >= settings.abuseDropsPerWindow() ? Verdict.DISCONNECT : Verdict.DROP;
  }

  private void refill(long now) {
    double earned = (now - lastRefillNanos) / 1e9 * settings.rateLimitPerSecond();
    tokens = Math.min(settings.rateLimitBurst(), tokens + earned);
    lastRefillNanos = now;
  }
}
