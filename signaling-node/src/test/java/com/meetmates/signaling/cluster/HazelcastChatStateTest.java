package com.meetmates.signaling.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.meetmates.signaling.chat.ChatState.Readiness;
import com.meetmates.signaling.chat.ChatState.SessionSnapshot;
import com.meetmates.signaling.chat.Pair;
import com.meetmates.signaling.chat.WaitingEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Hazelcast state on a real two-member cluster: the atomic steps the chat rules rely on. */
class HazelcastChatStateTest {

  private static final int CONCURRENT_USERS = 301;
  private static final List<HazelcastInstance> MEMBERS = new ArrayList<>();

  @BeforeAll
  static void startMembers() {
    TestClusters.configs(2).forEach(config -> MEMBERS.add(Hazelcast.newHazelcastInstance(config)));
  }

  @AfterAll
  static void stopMembers() {
    MEMBERS.forEach(HazelcastInstance::shutdown);
  }

  private static HazelcastChatState state(int member, String prefix) {
    return new HazelcastChatState(MEMBERS.get(member), prefix, ForkJoinPool.commonPool(), ForkJoinPool.commonPool());
  }

  private static <T> T get(java.util.concurrent.CompletionStage<T> stage) throws Exception {
    return stage.toCompletableFuture().get(20, TimeUnit.SECONDS);
  }

  @Test
  void concurrentArrivalsOnTwoMembersPairEveryoneButOne() throws Exception {
    String prefix = "t-" + UUID.randomUUID() + ".";
    List<CompletableFuture<WaitingEntry>> results = new ArrayList<>();
    for (int i = 0; i < CONCURRENT_USERS; i++) {
      results.add(state(i % 2, prefix)
          .enqueueOrMatch(new WaitingEntry("user-" + i, "node-" + (i % 2), i % 3 == 0, 1)).toCompletableFuture());
    }
    CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

    List<String> taken = new ArrayList<>();
    for (CompletableFuture<WaitingEntry> result : results) {
      if (result.get() != null) {
        taken.add(result.get().socketId());
      }
    }
    assertThat(taken).hasSize(CONCURRENT_USERS / 2).doesNotHaveDuplicates();
    assertThat(state(0, prefix).sizes().waiting()).isEqualTo(1);
  }

  @Test
  void bothReadyIsReportedToExactlyOneOfTwoSimultaneousAnnouncements() throws Exception {
    String prefix = "t-" + UUID.randomUUID() + ".";
    for (int round = 0; round < 50; round++) {
      Pair pair = new Pair("p" + round, "a" + round, "n0", "b" + round, "n1", true);
      get(state(0, prefix).createPair(pair));

      CompletableFuture<Readiness> first = state(0, prefix).markReady(pair.pairId(), pair.initiatorId())
          .toCompletableFuture();
      CompletableFuture<Readiness> second = state(1, prefix).markReady(pair.pairId(), pair.partnerId())
          .toCompletableFuture();

      assertThat(List.of(first.get(20, TimeUnit.SECONDS), second.get(20, TimeUnit.SECONDS)))
          .containsExactlyInAnyOrder(Readiness.BOTH_READY, Readiness.WAITING_FOR_PARTNER);
      assertThat(get(state(1, prefix).markReady(pair.pairId(), pair.partnerId()))).isEqualTo(Readiness.REPEATED);
    }
  }

  @Test
  void attachFailsForASessionThatQueuedAgainWithANewTicket() throws Exception {
    HazelcastChatState state = state(0, "t-" + UUID.randomUUID() + ".");
    get(state.startWaiting("s", "n0", 1, false, false));
    get(state.startWaiting("s", "n0", 2, true, false));

    assertThat(get(state.attach("s", "old-pair", 1))).isFalse();
    assertThat(get(state.attach("s", "new-pair", 2))).isTrue();
    assertThat(get(state.closeSession("s")).pairId()).isEqualTo("new-pair");
  }

  @Test
  void aPairIsRemovedForExactlyOneOfTwoLeavers() throws Exception {
    String prefix = "t-" + UUID.randomUUID() + ".";
    Pair pair = new Pair("p", "a", "n0", "b", "n1", false);
    get(state(0, prefix).createPair(pair));

    CompletableFuture<Pair> first = state(0, prefix).removePair("p").toCompletableFuture();
    CompletableFuture<Pair> second = state(1, prefix).removePair("p").toCompletableFuture();

    List<Pair> removed = new ArrayList<>();
    removed.add(first.get(20, TimeUnit.SECONDS));
    removed.add(second.get(20, TimeUnit.SECONDS));
    assertThat(removed).containsOnlyOnce(pair).containsOnlyOnce((Pair) null);
  }

  @Test
  void aSessionsFirstStartWaitingCreatesItsRecordOnItsNode() throws Exception {
    HazelcastChatState state = state(0, "t-" + UUID.randomUUID() + ".");

    assertThat(get(state.startWaiting("s", "n0", 1, false, false))).isEqualTo(SessionSnapshot.ABSENT);

    assertThat(get(state.sessionsOn("n0"))).isEqualTo(Set.of("s"));
    assertThat(get(state.closeSession("s")).waiting()).isTrue();
    assertThat(get(state.sessionsOn("n0"))).isEmpty();
  }

  @Test
  void onlineCountIsTheSumOfTheSocketsEachNodePublishedUntilANodeIsForgotten() throws Exception {
    String prefix = "t-" + UUID.randomUUID() + ".";
    get(state(0, prefix).publishSockets("n0", 2));
    get(state(1, prefix).publishSockets("n1", 3));
    assertThat(get(state(0, prefix).onlineCount())).isEqualTo(5);

    get(state(0, prefix).publishSockets("n0", 1));
    assertThat(get(state(1, prefix).onlineCount())).isEqualTo(4);

    get(state(0, prefix).forgetSockets("n1"));
    assertThat(get(state(1, prefix).onlineCount())).isEqualTo(1);
  }
}
