package com.meetmates.signaling.chat;

import com.meetmates.signaling.json.JsonText;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.LongSupplier;

/**
 * What travels between the two members of a pair: chat messages, the ready announcements and the WebRTC
 * relays. A relay reads the partner's route cached in the session: no shared-state call on this path. What a
 * partner is sent is a JSON object around the relayed payload's own text, written out only where it leaves (the
 * partner's socket or the event bus).
 * Every method runs inside the session's mailbox.
 */
final class Signaling {

  private static final CompletionStage<Void> DONE = CompletableFuture.completedFuture(null);
  private static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final ChatState state;
  private final Router router;
  private final Clock clock;
  private final ChatCounters counters;
  private final LongSupplier nanoClock;
  private final ChatObserver observer;

  Signaling(ChatState state, Router router, Clock clock, ChatCounters counters, LongSupplier nanoClock,
      ChatObserver observer) {
    this.state = state;
    this.router = router;
    this.clock = clock;
    this.counters = counters;
    this.nanoClock = nanoClock;
    this.observer = observer;
  }


  CompletionStage<Outcome> sendMessage(ChatSession session, String text) {
    if (session.pair == null) {
      return Outcome.notPaired();
    }
    JsonText message = new JsonText.ObjectBuilder(4)
        .member("sender", session.id)
        .member("text", text)
        .member("senderEmail", session.senderEmail)
        .member("timestamp", ISO_MILLIS.format(clock.instant()))
        .build();
    session.emit(Events.MESSAGE, message);
    sendToPartner(session, Events.MESSAGE, message);
    return Outcome.ok();
  }

  CompletionStage<Outcome> readyToConnect(ChatSession session) {
    Pair pair = session.pair;
    if (pair == null) {
      return Outcome.notPaired();
    }
    return state.markReady(pair.pairId(), session.id).thenApplyAsync(readiness -> switch (readiness) {
      case NOT_PAIRED -> Outcome.NOT_PAIRED;
      case WAITING_FOR_PARTNER -> Outcome.OK;
      case BOTH_READY, REPEATED -> {
        router.send(pair.initiatorNode(), pair.initiatorId(),
            new Delivery.Announced(pair.pairId(), session.id, readiness == ChatState.Readiness.BOTH_READY));
        yield Outcome.OK;
      }
    }, session.executor());
  }

  CompletionStage<Void> onAnnounced(ChatSession session, Delivery.Announced announced) {
    Negotiation negotiation = session.negotiation;
    if (!session.isPairedIn(announced.pairId()) || negotiation == null) {
      counters.staleDeliveries.increment();
      return DONE;
    }
    Negotiation.Step step = announced.bothReadyNow()
        ? negotiation.bothReady()
        : negotiation.announcedAgain(announced.memberId().equals(session.id));
    switch (step) {
      case CREATE_OFFER -> session.emit(Events.CREATE_OFFER);
      case REPLAY_OFFER -> {
        sendToPartner(session, Events.WEBRTC_OFFER, withFrom("offer", negotiation.offer(), session.id));
        for (JsonText candidate : negotiation.candidatesAfterOffer()) {
          sendToPartner(session, Events.ICE_CANDIDATE, withFrom("candidate", candidate, session.id));
        }
      }
      case NOTHING -> {
      }
    }
    return DONE;
  }

  CompletionStage<Outcome> relayOffer(ChatSession session, JsonText offer) {
    if (session.pair != null && session.negotiation != null) {
      session.negotiation.offerSent(offer);
    }
    return relay(session, Events.WEBRTC_OFFER, "offer", offer);
  }

  CompletionStage<Outcome> relayCandidate(ChatSession session, JsonText candidate) {
    if (session.pair != null && session.negotiation != null) {
      session.negotiation.candidateSent(candidate);
    }
    return relay(session, Events.ICE_CANDIDATE, "candidate", candidate);
  }

  CompletionStage<Outcome> relay(ChatSession session, String event, String key, JsonText value) {
    if (session.pair == null) {
      return Outcome.notPaired();
    }
    sendToPartner(session, event, withFrom(key, value, session.id));
    return Outcome.ok();
  }

  private void sendToPartner(ChatSession session, String event, JsonText payload) {
    router.send(session.partnerNode(), session.partnerId(),
        new Delivery.FromPartner(session.pair.pairId(), session.id, event, payload));
  }

  /** Hands a partner's event to this node's socket; {@code arrivedNanos}: when the delivery reached this node. */
  CompletionStage<Void> onFromPartner(ChatSession session, Delivery.FromPartner relayed, long arrivedNanos) {
    if (!session.isPairedIn(relayed.pairId()) || !session.partnerId().equals(relayed.from())) {
      counters.staleDeliveries.increment();
      return DONE;
    }
    if (Events.WEBRTC_ANSWER.equals(relayed.event()) && session.negotiation != null) {
      session.negotiation.answerReceived();
    }
    session.emit(relayed.event(), relayed.payload());
    counters.countRelayed(relayed.event());
    observer.relayed(relayed.event(), nanoClock.getAsLong() - arrivedNanos);
    return DONE;
  }

  private static JsonText withFrom(String key, JsonText value, String from) {
    return new JsonText.ObjectBuilder(2)
        .member(key, value)
        .member("from", from)
        .build();
  }
}
