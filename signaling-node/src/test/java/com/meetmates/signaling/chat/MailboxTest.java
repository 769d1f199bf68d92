package com.meetmates.signaling.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One session's tasks run one at a time and in order, even when a task waits for an asynchronous result. */
class MailboxTest {

  private final ExecutorService executor = Executors.newFixedThreadPool(4);
  private final Mailbox mailbox = new Mailbox("s", executor);

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  @Test
  void aTaskWaitingForAResultHoldsBackTheTasksAfterIt() throws Exception {
    List<String> ran = new CopyOnWriteArrayList<>();
    CompletableFuture<Void> slowResult = new CompletableFuture<>();
    CompletableFuture<Void> last = new CompletableFuture<>();

    mailbox.submit(() -> {
      ran.add("first started");
      return slowResult.thenRun(() -> ran.add("first finished"));
    });
    mailbox.submit(() -> {
      ran.add("second");
      last.complete(null);
      return null;
    });
    slowResult.complete(null);

    last.get(10, TimeUnit.SECONDS);
    assertThat(ran).containsExactly("first started", "first finished", "second");
  }

  @Test
  void aFailingTaskDoesNotStopTheOnesAfterIt() throws Exception {
    CompletableFuture<String> after = new CompletableFuture<>();

    mailbox.submit(() -> {
      throw new IllegalStateException("boom");
    });
    mailbox.submit(() -> CompletableFuture.failedFuture(new IllegalStateException("async boom")));
    mailbox.submit(() -> {
      after.complete("ran");
      return null;
    });

    assertThat(after.get(10, TimeUnit.SECONDS)).isEqualTo("ran");
  }

  @Test
  void tasksSubmittedFromManyThreadsEachRunOnceAndNeverTwoAtATime() throws Exception {
    int tasks = 10_000;
    int[] running = {0};
    List<Integer> overlaps = new CopyOnWriteArrayList<>();
    CompletableFuture<Void> done = new CompletableFuture<>();
    int[] count = {0};
    ExecutorService submitters = Executors.newFixedThreadPool(4);
    for (int i = 0; i < tasks; i++) {
      submitters.execute(() -> mailbox.submit(() -> {
        if (++running[0] > 1) {
          overlaps.add(running[0]);
        }
        if (++count[0] == tasks) {
          done.complete(null);
        }
        running[0]--;
        return null;
      }));
    }

    done.get(20, TimeUnit.SECONDS);
    submitters.shutdown();
    assertThat(overlaps).isEmpty();
    assertThat(count[0]).isEqualTo(tasks);
  }

  @Test
  void oneSubmittersTasksRunInItsOrderWhileOthersSubmitToo() throws Exception {
    int tasks = 10_000;
    List<Integer> ranInOrder = new CopyOnWriteArrayList<>();
    CompletableFuture<Void> done = new CompletableFuture<>();
    ExecutorService others = Executors.newFixedThreadPool(3);
    for (int i = 0; i < tasks; i++) {
      others.execute(() -> mailbox.submit(() -> null));
    }
    for (int i = 0; i < tasks; i++) {
      int number = i;
      mailbox.submit(() -> {
        ranInOrder.add(number);
        if (number == tasks - 1) {
          done.complete(null);
        }
        return null;
      });
    }

    done.get(20, TimeUnit.SECONDS);
    others.shutdown();
    assertThat(ranInOrder).hasSize(tasks).isSorted();
  }
}
