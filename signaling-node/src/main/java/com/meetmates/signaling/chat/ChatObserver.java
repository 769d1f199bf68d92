package com.meetmates.signaling.chat;

/**
 * Told of the timings the chat measures, for operators' figures. Called on sessions' threads, on the hot
 * path of every relay: an implementation must be cheap and must not block.
 */
public interface ChatObserver {

  ChatObserver NONE = new ChatObserver() {
  };

  /** A session that asked for a partner (findChat, next, or its partner's next) got its chatStart. */
  default void matched(long waitedNanos) {
  }

  /**
   * An event from the partner was handed to this node's socket ({@link Events#WEBRTC_OFFER},
   * {@link Events#WEBRTC_ANSWER}, {@link Events#ICE_CANDIDATE} or {@link Events#MESSAGE}), this long after the
   * delivery reached this node.
   */
  default void relayed(String event, long handOffNanos) {
  }
}
