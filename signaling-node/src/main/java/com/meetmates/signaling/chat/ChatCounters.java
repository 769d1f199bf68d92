package com.meetmates.signaling.chat;

import java.util.concurrent.atomic.LongAdder;

/** What the chat counts for operators. */
public final class ChatCounters {

  final LongAdder unknownEvents = new LongAdder();
  final LongAdder rejectedEvents = new LongAdder();
  final LongAdder rateLimitedEvents = new LongAdder();
  final LongAdder abuseDisconnects = new LongAdder();
  final LongAdder staleDeliveries = new LongAdder();
  private final LongAdder relayedOffers = new LongAdder();
  private final LongAdder relayedAnswers = new LongAdder();
  private final LongAdder relayedCandidates = new LongAdder();
  private final LongAdder relayedMessages = new LongAdder();
  final LongAdder pairsStarted = new LongAdder();

  public long unknownEvents() {
    return unknownEvents.sum();
  }

  public long rejectedEvents() {
    return rejectedEvents.sum();
  }

  public long rateLimitedEvents() {
    return rateLimitedEvents.sum();
  }

  public long abuseDisconnects() {
    return abuseDisconnects.sum();
  }

  /** Deliveries dropped because the pair they belonged to had ended. */
  public long staleDeliveries() {
    return staleDeliveries.sum();
  }

  /** Events from partners handed to this node's sockets, all kinds together. */
  public long relayedFromPartner() {
    return relayedOffers.sum() + relayedAnswers.sum() + relayedCandidates.sum() + relayedMessages.sum();
  }

  /** Events of one kind ({@link Events#WEBRTC_OFFER}, ...) from partners handed to this node's sockets. */
  public long relayed(String event) {
    return adderFor(event).sum();
  }

  void countRelayed(String event) {
    adderFor(event).increment();
  }

  private LongAdder adderFor(String event) {
    return switch (event) {
      case Events.WEBRTC_OFFER -> relayedOffers;
      case Events.WEBRTC_ANSWER -> relayedAnswers;
      case Events.ICE_CANDIDATE -> relayedCandidates;
      case Events.MESSAGE -> relayedMessages;
      default -> throw new IllegalArgumentException("not a relayed event: " + event);
    };
  }

  public long pairsStarted() {
    return pairsStarted.sum();
  }
}
