package com.meetmates.signaling.chat;

import com.meetmates.signaling.json.JsonText;

/** What one node asks the node of a socket to do for that socket. */
public sealed interface Delivery {

  /** The pair was made by the other member's node: start the chat. */
  record PairStarted(Pair pair) implements Delivery {
  }

  /** The other member left the pair; with {@code requeue} (it pressed next) this member re-enters the queue. */
  record PairEnded(String pairId, String leaverId, boolean requeue) implements Delivery {
  }

  /** To the initiator's node: a member announced ready-to-connect. */
  record Announced(String pairId, String memberId, boolean bothReadyNow) implements Delivery {
  }

  /**
   * An event from the partner (a relay or a chat message), its one argument ready for the wire; dropped unless the
   * pair is still the current one.
   */
  record FromPartner(String pairId, String from, String event, JsonText payload) implements Delivery {
  }
}
