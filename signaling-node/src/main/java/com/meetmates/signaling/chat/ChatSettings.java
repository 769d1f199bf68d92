package com.meetmates.signaling.chat;

/**
 * The limits the chat rules enforce. Every value has a default that runs; the node's configuration
 * overrides them.
 *
 * @param maxSdpBytes largest accepted offer/answer SDP, in UTF-8 bytes
 * @param maxMessageChars longest accepted chat message, in UTF-16 code units (JavaScript's length)
 * @param maxCandidateBytes largest accepted ICE candidate object, in UTF-8 bytes of its JSON text as sent
 * @param replayCandidates how many of the initiator's candidates after its offer are kept for a replay
 * @param rateLimitPerSecond tokens added per second to a socket's bucket; 0 turns rate limiting off
 * @param rateLimitBurst bucket capacity
 * @param abuseDropsPerWindow dropped events within one abuse window after which the socket is disconnected
 * @param abuseWindowMillis length of the abuse window
 */
public record ChatSettings(
    int maxSdpBytes,
    int maxMessageChars,
    int maxCandidateBytes,
    int replayCandidates,
    double rateLimitPerSecond,
    int rateLimitBurst,
    int abuseDropsPerWindow,
    long abuseWindowMillis) {

  public static final int DEFAULT_MAX_SDP_BYTES = 64 * 1024;
  public static final int DEFAULT_MAX_MESSAGE_CHARS = 2000;
  public static final int DEFAULT_MAX_CANDIDATE_BYTES = 4096;
  public static final int DEFAULT_REPLAY_CANDIDATES = 64;
  public static final double DEFAULT_RATE_LIMIT_PER_SECOND = 50;
  public static final int DEFAULT_RATE_LIMIT_BURST = 200;
  public static final int DEFAULT_ABUSE_DROPS_PER_WINDOW = 500;
  public static final long DEFAULT_ABUSE_WINDOW_MILLIS = 10_000;

  public static ChatSettings defaults() {
    return new ChatSettings(DEFAULT_MAX_SDP_BYTES, DEFAULT_MAX_MESSAGE_CHARS, DEFAULT_MAX_CANDIDATE_BYTES,
        DEFAULT_REPLAY_CANDIDATES, DEFAULT_RATE_LIMIT_PER_SECOND, DEFAULT_RATE_LIMIT_BURST,
        DEFAULT_ABUSE_DROPS_PER_WINDOW, DEFAULT_ABUSE_WINDOW_MILLIS);
  }

  public boolean rateLimited() {
    return rateLimitPerSecond > 0;
  }
}
