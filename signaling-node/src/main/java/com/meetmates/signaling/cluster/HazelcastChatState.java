package com.meetmates.signaling.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import com.meetmates.signaling.chat.ChatState;
import com.meetmates.signaling.chat.Pair;
import com.meetmates.signaling.chat.WaitingEntry;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * The chat state in Hazelcast IMaps. Every change is one single-key operation (a set, a remove, or an entry
 * processor run on the key's partition), so nothing is read and then written back and no lock is needed.
 */
public final class HazelcastChatState implements ChatState {

  public static final String DEFAULT_PREFIX = "meetmates.";

  private static final ChatState.Readiness[] READINESS = ChatState.Readiness.values();

  private final IMap<String, SessionRecord> sessions;
  private final IMap<String, PairRecord> pairs;
  private final IMap<String, Lobby> lobby;
  /** Node id to the number of sockets it held when it last published. */
  private final IMap<String, Integer> sockets;
  private final Executor blockingExecutor;
  private final Executor continuations;

  /**
   * What the shared state holds, for health figures and for tests that check nothing is left behind. Sessions
   * are those that asked for a chat at least once: a socket that never did has no record.
   */
  public record Sizes(int sessions, int pairs, int waiting) {
  }

  /**
   * @param prefix map-name prefix, so that several independent chats can share one cluster
   * @param blockingExecutor runs the few Hazelcast calls that have no asynchronous form (queries, the size
   *     count)
   * @param continuations runs what follows each asynchronous Hazelcast call: Hazelcast runs continuations
   *     given no executor on the common ForkJoinPool, or, where that pool has a single thread (2 cores), on a
   *     NEW THREAD PER CALLBACK, which under load starts thousands of threads and stalls matching
   */
  public HazelcastChatState(HazelcastInstance hazelcast, String prefix, Executor blockingExecutor,
      Executor continuations) {
    this.sessions = hazelcast.getMap(prefix + "sessions");
    this.pairs = hazelcast.getMap(prefix + "pairs");
    this.lobby = hazelcast.getMap(prefix + "lobby");
    this.sockets = hazelcast.getMap(prefix + "sockets");
    this.blockingExecutor = blockingExecutor;
    this.continuations = continuations;
  }

  @Override
  public CompletionStage<SessionSnapshot> closeSession(String socketId) {
    return handOver(sessions.removeAsync(socketId)).thenApply(HazelcastChatState::snapshot);
  }

  @Override
  public CompletionStage<SessionSnapshot> startWaiting(String socketId, String nodeId, long ticket,
      boolean withVideo, boolean keepIfWaiting) {
    return handOver(sessions.submitToKey(socketId,
        new SessionProcessors.StartWaiting(nodeId, ticket, withVideo, keepIfWaiting)))
        .thenApply(HazelcastChatState::snapshot);
  }

  @Override
  public CompletionStage<WaitingEntry> enqueueOrMatch(WaitingEntry entry) {
    return handOver(lobby.submitToKey(Lobby.KEY, new Lobby.EnqueueOrMatch(QueueEntry.of(entry))))
        .thenApply(partner -> partner == null ? null : partner.toEntry());
  }

  @Override
  public CompletionStage<Void> leaveQueue(String socketId) {
    return handOver(lobby.submitToKey(Lobby.KEY, new Lobby.Leave(socketId)));
  }

  @Override
  public CompletionStage<Void> createPair(Pair pair) {
    return handOver(pairs.setAsync(pair.pairId(), PairRecord.of(pair)));
  }

  @Override
  public CompletionStage<Boolean> attach(String socketId, String pairId, long ticket) {
    return handOver(sessions.submitToKey(socketId, new SessionProcessors.Attach(pairId, ticket)));
  }

  @Override
  public CompletionStage<Pair> removePair(String pairId) {
    return handOver(pairs.removeAsync(pairId)).thenApply(removed -> removed == null ? null : removed.toPair());
  }

  @Override
  public CompletionStage<Readiness> markReady(String pairId, String socketId) {
    return handOver(pairs.submitToKey(pairId, new PairRecord.MarkReady(socketId))).thenApply(code -> READINESS[code]);
  }

  @Override
  public CompletionStage<Set<String>> sessionsOn(String nodeId) {
    return CompletableFuture.supplyAsync(
        () -> Set.copyOf(sessions.keySet(Predicates.equal(SessionRecord.NODE_ID, nodeId))), blockingExecutor);
  }

  @Override
  public CompletionStage<List<Pair>> removePairsOn(String nodeId) {
    return CompletableFuture.supplyAsync(() -> pairs.executeOnEntries(new PairRecord.RemoveIfOnNode(nodeId),
            Predicates.or(Predicates.equal(PairRecord.INITIATOR_NODE, nodeId),
                Predicates.equal(PairRecord.PARTNER_NODE, nodeId)))
        .values().stream().filter(Objects::nonNull).map(PairRecord::toPair).toList(), blockingExecutor);
  }

  @Override
  public CompletionStage<Void> purgeQueue(String nodeId) {
    return handOver(lobby.submitToKey(Lobby.KEY, new Lobby.PurgeNode(nodeId)));
  }

  @Override
  public CompletionStage<Void> publishSockets(String nodeId, int count) {
    return handOver(sockets.setAsync(nodeId, count));
  }

  @Override
  public CompletionStage<Void> forgetSockets(String nodeId) {
    return handOver(sockets.removeAsync(nodeId)).thenApply(removed -> null);
  }

  @Override
  public CompletionStage<Integer> onlineCount() {
    return CompletableFuture.supplyAsync(() -> sockets.values().stream().mapToInt(Integer::intValue).sum(),
        blockingExecutor);
  }

  /** Blocking: call from a test or a worker thread. */
  public Sizes sizes() {
    Lobby queues = lobby.get(Lobby.KEY);
    return new Sizes(sessions.size(), pairs.size(), queues == null ? 0 : queues.size());
  }

  /** The result of a Hazelcast call, completed on {@link #continuations} rather than where Hazelcast would run it. */
  private <T> CompletionStage<T> handOver(CompletionStage<T> hazelcastCall) {
    CompletableFuture<T> result = new CompletableFuture<>();
    hazelcastCall.whenCompleteAsync((value, failure) -> {
      if (failure != null) {
        result.completeExceptionally(failure);
      } else {
        result.complete(value);
      }
    }, continuations);
    return result;
  }

  private static SessionSnapshot snapshot(SessionRecord record) {
    return record == null ? SessionSnapshot.ABSENT : new SessionSnapshot(record.pairId, record.waiting());
  }
}
