package com.meetmates.signaling.chat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * The state shared by every node: sessions, the waiting queues, pairs with their ready flags, and the
 * online count. Every operation is atomic on its own; none needs a lock.
 *
 * <p>A session gets its shared record with its first {@link #startWaiting}: a socket that never asks for a chat
 * costs the shared state nothing, and its node knows whether it ever made a record. The online count is
 * therefore not the number of records but the sum of the socket counts each node publishes.
 */
public interface ChatState {

  /**
   * What a session's record looked like when it was changed or removed: the pair a matcher bound it to (or the
   * last one, which may be gone since), and whether it held a ticket. A session that took its partner from the
   * queue itself keeps its ticket and no pair in the record: it knows that pair locally, and no queue entry
   * carries that ticket, so the record only matters for a session that waits.
   */
  record SessionSnapshot(String pairId, boolean waiting) {

    public static final SessionSnapshot ABSENT = new SessionSnapshot(null, false);
  }

  /** Outcome of a member announcing it is ready for WebRTC. */
  enum Readiness {
    /** The pair is gone, or the caller is not in it. */
    NOT_PAIRED,
    /** First announcement; the other member has not announced yet. */
    WAITING_FOR_PARTNER,
    /** This announcement made both members ready: the negotiation starts now, exactly once. */
    BOTH_READY,
    /** The caller had already announced. */
    REPEATED
  }

  /** Removes the session; returns what it was (ABSENT if it was not there). */
  CompletionStage<SessionSnapshot> closeSession(String socketId);

  /**
   * Gives the session a new ticket and no pair, unless {@code keepIfWaiting} and it holds a ticket already
   * (then nothing changes). Creates the session's record, held by {@code nodeId}, if it has none. Returns the
   * state before the change (ABSENT for a new record).
   */
  CompletionStage<SessionSnapshot> startWaiting(String socketId, String nodeId, long ticket, boolean withVideo,
      boolean keepIfWaiting);

  /**
   * Atomically removes any queued entry of this user, then either takes the best waiting partner out of the
   * queue (same preference first, else the other; FIFO) and returns it, or queues the user and returns null.
   */
  CompletionStage<WaitingEntry> enqueueOrMatch(WaitingEntry entry);

  CompletionStage<Void> leaveQueue(String socketId);

  CompletionStage<Void> createPair(Pair pair);

  /**
   * Binds a waiting session to a pair, only if it is still waiting with this ticket.
   *
   * @return false if the session is gone or has re-entered the queue since
   */
  CompletionStage<Boolean> attach(String socketId, String pairId, long ticket);

  /** Removes the pair; exactly one caller gets it back, every other gets null. */
  CompletionStage<Pair> removePair(String pairId);

  CompletionStage<Readiness> markReady(String pairId, String socketId);

  /** Ids of the sessions held by that node according to the shared state. */
  CompletionStage<Set<String>> sessionsOn(String nodeId);

  /**
   * Removes every pair with a member on that node, whether or not that member's session is still recorded.
   * Each pair is removed by exactly one caller (this or {@link #removePair}), which alone gets it back.
   */
  CompletionStage<List<Pair>> removePairsOn(String nodeId);

  /** Removes every queue entry of that node's users. */
  CompletionStage<Void> purgeQueue(String nodeId);

  /** Records how many sockets that node holds now, replacing what it published before. */
  CompletionStage<Void> publishSockets(String nodeId, int sockets);

  /** Removes the socket count of a node that is gone or drained. */
  CompletionStage<Void> forgetSockets(String nodeId);

  /** Connected users in the whole cluster: the sum of the socket counts the nodes published. */
  CompletionStage<Integer> onlineCount();
}
