package com.meetmates.signaling.engineio;

import io.vertx.core.Vertx;
import java.util.Collection;

/**
 * One periodic timer for the heartbeats of every session of a server, instead of a Vert.x timer per
 * session (about 250 bytes each: timer handler, Netty task, map entries). Each tick hands the sessions
 * whose ping or pong deadline has passed to their own context; a deadline is met at most one tick late.
 */
final class HeartbeatTicker {

  /** Ticks per shortest heartbeat period: the default 20 s ping timeout is checked every second. */
  private static final long TICKS_PER_PERIOD = 20;
  private static final long MIN_TICK_MS = 10;

  private final Collection<Session> sessions;

  private HeartbeatTicker(Collection<Session> sessions) {
    this.sessions = sessions;
  }

  /** Starts ticking over the live view {@code sessions}; the timer lives as long as the Vert.x context it is set on. */
  static void start(Vertx vertx, EngineIoOptions options, Collection<Session> sessions) {
    HeartbeatTicker ticker = new HeartbeatTicker(sessions);
    vertx.setPeriodic(tickMs(options), id -> ticker.tick());
  }

  static long tickMs(EngineIoOptions options) {
    return Math.max(MIN_TICK_MS, Math.min(options.pingIntervalMs(), options.pingTimeoutMs()) / TICKS_PER_PERIOD);
  }

  private void tick() {
    long now = System.nanoTime();
    for (Session session : sessions) {
      session.heartbeatIfDue(now);
    }
  }
}
