package com.meetmates.signaling.chat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.LongSupplier;

/**
 * Pairs and unpairs sessions: the queue, the match, and the end of a pair. Whoever removes a pair from the
 * shared state tells the partner, so a partner hears exactly one partnerLeft however many leave at once.
 * Every method runs inside the session's mailbox.
 */
final class Matchmaking {

  private static final CompletionStage<Void> DONE = CompletableFuture.completedFuture(null);

  private final ChatState state;
  private final Router router;
  private final ChatSettings settings;
  private final ChatCounters counters;
  private final LongSupplier nanoClock;
  private final ChatObserver observer;

  Matchmaking(ChatState state, Router router, ChatSettings settings, ChatCounters counters, LongSupplier nanoClock,
      ChatObserver observer) {
    this.state = state;
    this.router = router;
    this.settings = settings;
    this.counters = counters;
    this.nanoClock = nanoClock;
    this.observer = observer;
  }


  CompletionStage<Outcome> findChat(ChatSession session, boolean withVideo) {
    session.withVideo = withVideo;
    session.askedForPartnerNanos = nanoClock.getAsLong();
    long ticket = session.nextTicket();
    return startWaiting(session, ticket, withVideo, false)
        .thenComposeAsync(before -> leave(session, before.pairId(), false), session.executor())
        .thenComposeAsync(left -> waitAndMatch(session, ticket), session.executor())
        .thenApply(matched -> Outcome.OK);
  }

  CompletionStage<Outcome> next(ChatSession session) {
    long ticket = session.nextTicket();
    long askedNanos = nanoClock.getAsLong();
    boolean keepIfWaiting = session.mayBeQueued;
    return startWaiting(session, ticket, session.withVideo, keepIfWaiting)
        .thenComposeAsync(before -> {
          if (keepIfWaiting && before.waiting()) {
            session.emit(Events.WAITING);
            return DONE;
          }
          session.askedForPartnerNanos = askedNanos;
          return leave(session, before.pairId(), true)
              .thenComposeAsync(left -> waitAndMatch(session, ticket), session.executor());
        }, session.executor())
        .thenApply(matched -> Outcome.OK);
  }

  /** Re-enters the queue with the session's own preference, as when its partner pressed next. */
  private CompletionStage<Void> requeue(ChatSession session) {
    long ticket = session.nextTicket();
    if (session.askedForPartnerNanos == ChatSession.NOT_ASKED) {
      session.askedForPartnerNanos = nanoClock.getAsLong();
    }
    return startWaiting(session, ticket, session.withVideo, false)
        .thenComposeAsync(before -> leave(session, before.pairId(), false), session.executor())
        .thenComposeAsync(left -> waitAndMatch(session, ticket), session.executor());
  }

  /** The session's first call creates its shared record, held by this node. */
  private CompletionStage<ChatState.SessionSnapshot> startWaiting(ChatSession session, long ticket,
      boolean withVideo, boolean keepIfWaiting) {
    session.mayHaveRecord = true;
    return state.startWaiting(session.id, router.localNode(), ticket, withVideo, keepIfWaiting);
  }

  private CompletionStage<Void> waitAndMatch(ChatSession session, long ticket) {
    session.emit(Events.WAITING);
    return match(session, ticket);
  }

  private CompletionStage<Void> match(ChatSession session, long ticket) {
    WaitingEntry self = new WaitingEntry(session.id, router.localNode(), session.withVideo, ticket);
    session.mayBeQueued = true;
    return state.enqueueOrMatch(self).thenComposeAsync(other -> {
      if (other == null) {
        return DONE;
      }
      session.mayBeQueued = false;
      return pairWith(session, self, other);
    }, session.executor());
  }

  /**
   * Completes a match taken from the queue. The other member is bound to the pair only if it still waits with
   * the ticket of the entry taken; if it left meanwhile, this session simply tries again with its own ticket.
   * This session's own record is not bound: nothing else can change it meanwhile (its own events wait in its
   * mailbox, and no queue entry carries its ticket, so no other matcher can take it), and the pair it is in is
   * known here, where every later leave reads it.
   */
  private CompletionStage<Void> pairWith(ChatSession session, WaitingEntry self, WaitingEntry other) {
    Pair pair = Pair.of(UUID.randomUUID().toString(), self, other);
    return state.createPair(pair)
        .thenCompose(created -> state.attach(other.socketId(), pair.pairId(), other.ticket()))
        .thenComposeAsync(otherBound -> {
          if (!otherBound) {
            return state.removePair(pair.pairId()).thenComposeAsync(
                removed -> session.closed ? DONE : match(session, self.ticket()), session.executor());
          }
          router.send(other.nodeId(), other.socketId(), new Delivery.PairStarted(pair));
          counters.pairsStarted.increment();
          return onPairStarted(session, pair);
        }, session.executor());
  }

  CompletionStage<Void> onPairStarted(ChatSession session, Pair pair) {
    if (session.isGone(pair.pairId())) {
      counters.staleDeliveries.increment();
      return DONE;
    }
    session.pair = pair;
    session.mayBeQueued = false;
    session.negotiation = pair.isInitiator(session.id) ? new Negotiation(settings.replayCandidates()) : null;
    Map<String, Object> chatStart = new LinkedHashMap<>();
    chatStart.put("withVideo", pair.withVideo());
    chatStart.put("partnerId", pair.otherThan(session.id));
    session.emit(Events.CHAT_START, chatStart);
    if (session.askedForPartnerNanos != ChatSession.NOT_ASKED) {
      observer.matched(nanoClock.getAsLong() - session.askedForPartnerNanos);
      session.askedForPartnerNanos = ChatSession.NOT_ASKED;
    }
    return DONE;
  }

  /**
   * This session leaves its pair: the one it knows of, and the one its shared record names if that is another one
   * it has not heard of yet (a matcher bound it, the news is on its way). Whoever removes a pair record tells the
   * partner, so the partner hears exactly one partnerLeft however many leave at once. A pair this session knows to
   * be gone costs no call.
   */
  CompletionStage<Void> leave(ChatSession session, String recordedPairId, boolean requeuePartner) {
    Pair known = session.leavePair();
    CompletionStage<Void> leftKnown = known == null ? DONE : removePair(session, known.pairId(), requeuePartner);
    if (recordedPairId == null || (known != null && known.pairId().equals(recordedPairId))
        || session.isGone(recordedPairId)) {
      return leftKnown;
    }
    session.pairGone(recordedPairId);
    return leftKnown.thenCombine(removePair(session, recordedPairId, requeuePartner), (a, b) -> null);
  }

  /** The session ends: it leaves its pair and, if it may still wait, the queue. */
  CompletionStage<Void> endSession(ChatSession session, ChatState.SessionSnapshot before) {
    CompletionStage<Void> leftPair = leave(session, before.pairId(), false);
    if (!(before.waiting() && session.mayBeQueued)) {
      return leftPair;
    }
    return leftPair.thenCombine(state.leaveQueue(session.id), (a, b) -> null);
  }

  private CompletionStage<Void> removePair(ChatSession session, String pairId, boolean requeuePartner) {
    return state.removePair(pairId).thenAccept(removed -> {
      if (removed != null) {
        tellPartner(removed, session.id, requeuePartner);
      }
    });
  }

  /**
   * The partner left. The shared record of this session may still name the pair; remembering it as gone spares
   * the call that would unbind it.
   */
  CompletionStage<Void> onPairEnded(ChatSession session, Delivery.PairEnded ended) {
    if (!session.isPairedIn(ended.pairId())) {
      counters.staleDeliveries.increment();
      return DONE;
    }
    session.leavePair();
    session.pairGone(ended.pairId());
    session.emit(Events.PARTNER_LEFT, Map.of("partnerId", ended.leaverId()));
    return ended.requeue() ? requeue(session) : DONE;
  }

  /** Tells the member of a removed pair that is not on the lost node, if any, that its partner left. */
  void endLostPair(Pair removed, String lostNodeId) {
    boolean initiatorLost = removed.initiatorNode().equals(lostNodeId);
    if (initiatorLost && removed.partnerNode().equals(lostNodeId)) {
      return;
    }
    tellPartner(removed, initiatorLost ? removed.initiatorId() : removed.partnerId(), false);
  }

  private void tellPartner(Pair removed, String leaverId, boolean requeuePartner) {
    String partner = removed.otherThan(leaverId);
    router.send(removed.nodeOf(partner), partner, new Delivery.PairEnded(removed.pairId(), leaverId, requeuePartner));
  }
}
