package com.meetmates.signaling.node.drain;

import io.vertx.core.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a node's drain when the JVM is asked to stop (SIGTERM, SIGINT), holding the JVM until the drain is over
 * or its bound has passed. Hazelcast's own shutdown hook stays off (vertx-hazelcast turns it off), so the
 * member leaves the cluster at the end of the drain, not while the drain still needs the shared state.
 */
public final class DrainOnShutdown {

  private static final Logger LOG = LoggerFactory.getLogger(DrainOnShutdown.class);

  private DrainOnShutdown() {
  }

  public static void install(Supplier<Future<Void>> drain, long boundMs) {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> run(drain, boundMs), "meetmates-drain"));
  }

  private static void run(Supplier<Future<Void>> drain, long boundMs) {
    LOG.info("stop requested: draining (at most {} ms)", boundMs);
    try {
      drain.get().toCompletionStage().toCompletableFuture().get(boundMs, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      LOG.warn("drain not finished within {} ms; exiting anyway", boundMs);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      LOG.warn("drain interrupted; exiting");
    } catch (Exception e) {
      LOG.warn("drain failed; exiting", e);
    }
  }
}
