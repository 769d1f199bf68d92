package com.meetmates.signaling.chat;

import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one session's work one task at a time, in submission order, on the session's executor.
 * A task may return an unfinished stage (a Hazelcast call): the next task waits for it. This is what
 * keeps a session's own events and the deliveries addressed to it from overtaking each other.
 */
final class Mailbox {

  private static final Logger LOG = LoggerFactory.getLogger(Mailbox.class);
  private static final CompletionStage<Void> DONE = CompletableFuture.completedFuture(null);

  private final String owner;
  private final Executor executor;
  private final Queue<Supplier<? extends CompletionStage<?>>> tasks = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean draining = new AtomicBoolean();

  Mailbox(String owner, Executor executor) {
    this.owner = owner;
    this.executor = executor;
  }

  Executor executor() {
    return executor;
  }

  void submit(Supplier<? extends CompletionStage<?>> task) {
    if (draining.compareAndSet(false, true)) {
      // Idle, and now ours to drain. With nothing queued the task goes first without a trip through the queue
      // (most relays find their mailbox idle); anything queued meanwhile runs after it.
      if (tasks.isEmpty()) {
        executor.execute(() -> runFirst(task));
      } else {
        tasks.add(task);
        executor.execute(this::drain);
      }
      return;
    }
    tasks.add(task);
    if (draining.compareAndSet(false, true)) {
      executor.execute(this::drain);
    }
  }

  private void runFirst(Supplier<? extends CompletionStage<?>> task) {
    if (waitsFor(run(task))) {
      return;
    }
    drain();
  }

  private void drain() {
    Supplier<? extends CompletionStage<?>> task;
    while ((task = tasks.poll()) != null) {
      if (waitsFor(run(task))) {
        return;
      }
    }
    draining.set(false);
    if (!tasks.isEmpty() && draining.compareAndSet(false, true)) {
      executor.execute(this::drain);
    }
  }

  /** Whether the task's stage is still running: the drain goes on once it completes. */
  private boolean waitsFor(CompletionStage<?> stage) {
    CompletableFuture<?> running = stage.toCompletableFuture();
    if (running.isDone()) {
      return false;
    }
    running.whenComplete((result, failure) -> executor.execute(this::drain));
    return true;
  }

  private CompletionStage<?> run(Supplier<? extends CompletionStage<?>> task) {
    try {
      CompletionStage<?> stage = task.get();
      if (stage == null) {
        return DONE;
      }
      if (stage instanceof CompletableFuture<?> finished && finished.isDone() && !finished.isCompletedExceptionally()) {
        // Most tasks finish at once (a relay): nothing to log, no need for a stage of its own.
        return finished;
      }
      return stage.exceptionally(failure -> {
        LOG.warn("session {}: task failed", owner, failure);
        return null;
      });
    } catch (RuntimeException failure) {
      LOG.warn("session {}: task failed", owner, failure);
      return DONE;
    }
  }
}
