package com.meetmates.signaling.chat;

import java.util.concurrent.atomic.LongAdder;

/** What the chat counts for operators. */
public final class ChatCounters {

  final LongAdder unknownEvents = new LongAdder();
  final LongAdder rejectedEvents = new LongAdder();
  final LongAdder rateLimitedEvents = new LongAdder();
  final LongAdder abuseDisconnects = new LongAdder();
  final LongAdder staleDeliveries = new LongAdder();
  final LongAdder relayedFromPartner = new LongAdder();
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

  public long relayedFromPartner() {
    return relayedFromPartner.sum();
  }

  public long pairsStarted() {
    return pairsStarted.sum();
  }
}
