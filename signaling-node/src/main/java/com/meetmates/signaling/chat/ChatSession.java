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

  /** Pairs this session left before it heard of them (a match racing its own leave); bounded, it is rare. */
  private static final int ABANDONED_PAIRS_KEPT = 4;
  /** {@link #askedForPartnerNanos} when the session is not looking for a partner. */
  static final long NOT_ASKED = Long.MIN_VALUE;

  final String id;
  final ClientConnection connection;
  final String senderEmail;
  final Mailbox mailbox;
  boolean withVideo;
  Pair pair;
  Negotiation negotiation;
  boolean closed;
  /** When this session last asked for a partner and has not been matched since (for the match latency). */
  long askedForPartnerNanos = NOT_ASKED;
  /** Written on the session's thread, read by the online-count tick to skip sockets that are up to date. */
  volatile int lastToldOnline = -1;
  private long lastTicket;
  /** Created with the first event: an idle session (most of a node's sessions) never needs one. */
  private RateLimiter rateLimiter;
  /** Created with the first abandoned pair, which is rare. */
  private Deque<String> abandonedPairs;

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

  void abandon(String pairId) {
    if (abandonedPairs == null) {
      abandonedPairs = new ArrayDeque<>(ABANDONED_PAIRS_KEPT);
    }
    if (abandonedPairs.size() == ABANDONED_PAIRS_KEPT) {
      abandonedPairs.removeFirst();
    }
    abandonedPairs.addLast(pairId);
  }

  boolean hasAbandoned(String pairId) {
    return abandonedPairs != null && abandonedPairs.contains(pairId);
  }

  void emit(String event, Object... args) {
    connection.emit(event, args);
  }
}
