package com.meetmates.signaling.chat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;

/**
 * What this node knows of one of its sockets. Touched only from the session's {@link Mailbox}, one task at a
 * time, so it needs no locking. The partner's id and node are cached here when the pair starts, which is
 * what lets a relay go out without asking the shared state.
 */
final class ChatSession {

  /**
   * Pairs this session is done with although the shared state may still name them in its record: left before it
   * heard of them (a match racing its own leave), or ended by the partner. Only the latest can still be named,
   * so a few suffice.
   */
  private static final int GONE_PAIRS_KEPT = 4;
  /** {@link #askedForPartnerNanos} when the session is not looking for a partner. */
  static final long NOT_ASKED = Long.MIN_VALUE;

  final String id;
  final ClientConnection connection;
  final String senderEmail;
  final Mailbox mailbox;
  boolean withVideo;
  Pair pair;
  Negotiation negotiation;
  /**
   * False when this session certainly has no entry in the waiting queue: its last match attempt took a partner
   * (which queues nobody) or a matcher took its entry and started the pair. Saves the shared-state calls that
   * would only find nothing to remove or keep.
   */
  boolean mayBeQueued;
  /**
   * True once this session asked the shared state for a partner, which creates its record there. A session
   * that never did has no record, so its close costs no shared-state call.
   */
  boolean mayHaveRecord;
  boolean closed;
  /** When this session last asked for a partner and has not been matched since (for the match latency). */
  long askedForPartnerNanos = NOT_ASKED;
  /** Written on the session's thread, read by the online-count tick to skip sockets that are up to date. */
  volatile int lastToldOnline = -1;
  private long lastTicket;
  /** Created with the first event: an idle session (most of a node's sessions) never needs one. */
  private RateLimiter rateLimiter;
  /** Made on first use: most sessions never need it. */
  private Deque<String> gonePairs;

  ChatSession(ClientConnection connection, String senderEmail, Executor executor) {
    this.id = connection.id();
    this.connection = connection;
    this.senderEmail = senderEmail;
    this.mailbox = new Mailbox(id, executor);
  }

  /** This session's bucket, full when first asked for; only from the socket's thread. */
  RateLimiter rateLimiter(ChatSettings settings, LongSupplier nanoClock) {
    if (rateLimiter == null) {
      rateLimiter = new RateLimiter(settings, nanoClock);
    }
    return rateLimiter;
  }

  Executor executor() {
    return mailbox.executor();
  }

  long nextTicket() {
    return ++lastTicket;
  }

  String partnerId() {
    return pair.otherThan(id);
  }

  String partnerNode() {
    return pair.nodeOf(partnerId());
  }

  boolean isPairedIn(String pairId) {
    return pair != null && pair.pairId().equals(pairId);
  }

  /** Forgets the current pair locally; returns it (or null). */
  Pair leavePair() {
    Pair left = pair;
    pair = null;
    negotiation = null;
    return left;
  }

  /** Remembers a pair that the shared state no longer holds, or that this session will not take part in. */
  void pairGone(String pairId) {
    if (gonePairs == null) {
      gonePairs = new ArrayDeque<>(GONE_PAIRS_KEPT);
    } else if (gonePairs.size() == GONE_PAIRS_KEPT) {
      gonePairs.removeFirst();
    }
    gonePairs.addLast(pairId);
  }

  boolean isGone(String pairId) {
    return gonePairs != null && gonePairs.contains(pairId);
  }

  void emit(String event, Object... args) {
    connection.emit(event, args);
  }
}
