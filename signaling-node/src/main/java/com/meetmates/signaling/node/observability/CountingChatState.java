package com.meetmates.signaling.node.observability;

import com.meetmates.signaling.chat.ChatState;
import com.meetmates.signaling.chat.Pair;
import com.meetmates.signaling.chat.WaitingEntry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * Counts every call the chat makes to its shared state, by operation: each {@link ChatState} operation of the
 * Hazelcast implementation is one Hazelcast call, so {@value #METRIC} is the number of Hazelcast operations the
 * chat issued. The counters are made once, so counting costs no allocation.
 */
final class CountingChatState implements ChatState {

  static final String METRIC = "signaling.hazelcast.operations";

  private final ChatState state;
  private final Counter closeSession;
  private final Counter startWaiting;
  private final Counter enqueueOrMatch;
  private final Counter leaveQueue;
  private final Counter createPair;
  private final Counter attach;
  private final Counter removePair;
  private final Counter markReady;
  private final Counter sessionsOn;
  private final Counter removePairsOn;
  private final Counter purgeQueue;
  private final Counter onlineCount;
  private final Counter publishSockets;
  private final Counter forgetSockets;

  CountingChatState(ChatState state, MeterRegistry registry) {
    this.state = state;
    this.closeSession = counter(registry, "closeSession");
    this.startWaiting = counter(registry, "startWaiting");
    this.enqueueOrMatch = counter(registry, "enqueueOrMatch");
    this.leaveQueue = counter(registry, "leaveQueue");
    this.createPair = counter(registry, "createPair");
    this.attach = counter(registry, "attach");
    this.removePair = counter(registry, "removePair");
    this.markReady = counter(registry, "markReady");
    this.sessionsOn = counter(registry, "sessionsOn");
    this.removePairsOn = counter(registry, "removePairsOn");
    this.purgeQueue = counter(registry, "purgeQueue");
    this.onlineCount = counter(registry, "onlineCount");
    this.publishSockets = counter(registry, "publishSockets");
    this.forgetSockets = counter(registry, "forgetSockets");
  }

  private static Counter counter(MeterRegistry registry, String operation) {
    return Counter.builder(METRIC)
        .description("Hazelcast calls made by the chat state, by operation")
        .tag("op", operation)
        .register(registry);
  }

  @Override
  public CompletionStage<SessionSnapshot> closeSession(String socketId) {
    closeSession.increment();
    return state.closeSession(socketId);
  }

  @Override
  public CompletionStage<SessionSnapshot> startWaiting(String socketId, String nodeId, long ticket,
      boolean withVideo, boolean keepIfWaiting) {
    startWaiting.increment();
    return state.startWaiting(socketId, nodeId, ticket, withVideo, keepIfWaiting);
  }

  @Override
  public CompletionStage<WaitingEntry> enqueueOrMatch(WaitingEntry entry) {
    enqueueOrMatch.increment();
    return state.enqueueOrMatch(entry);
  }

  @Override
  public CompletionStage<Void> leaveQueue(String socketId) {
    leaveQueue.increment();
    return state.leaveQueue(socketId);
  }

  @Override
  public CompletionStage<Void> createPair(Pair pair) {
    createPair.increment();
    return state.createPair(pair);
  }

  @Override
  public CompletionStage<Boolean> attach(String socketId, String pairId, long ticket) {
    attach.increment();
    return state.attach(socketId, pairId, ticket);
  }

  @Override
  public CompletionStage<Pair> removePair(String pairId) {
    removePair.increment();
    return state.removePair(pairId);
  }

  @Override
  public CompletionStage<Readiness> markReady(String pairId, String socketId) {
    markReady.increment();
    return state.markReady(pairId, socketId);
  }

  @Override
  public CompletionStage<Set<String>> sessionsOn(String nodeId) {
    sessionsOn.increment();
    return state.sessionsOn(nodeId);
  }

  @Override
  public CompletionStage<List<Pair>> removePairsOn(String nodeId) {
    removePairsOn.increment();
    return state.removePairsOn(nodeId);
  }

  @Override
  public CompletionStage<Void> purgeQueue(String nodeId) {
    purgeQueue.increment();
    return state.purgeQueue(nodeId);
  }

  @Override
  public CompletionStage<Void> publishSockets(String nodeId, int sockets) {
    publishSockets.increment();
    return state.publishSockets(nodeId, sockets);
  }

  @Override
  public CompletionStage<Void> forgetSockets(String nodeId) {
    forgetSockets.increment();
    return state.forgetSockets(nodeId);
  }

  @Override
  public CompletionStage<Integer> onlineCount() {
    onlineCount.increment();
    return state.onlineCount();
  }
}
