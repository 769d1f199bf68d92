package com.meetmates.loadtests.driver;

/** What one pair's set-up measured (zero where the protocol has no such step). */
record PairTimings(long findChatToChatStartNanos, long offerToPartnerNanos) {
}
