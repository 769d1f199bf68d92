package com.meetmates.signaling.chat;

/**
 * One user in the waiting queue.
 *
 * @param ticket identifies this stay in the queue: a user who re-enters the queue gets a new ticket, so a
 *     matcher holding an old entry cannot pair them
 */
public record WaitingEntry(String socketId, String nodeId, boolean withVideo, long ticket) {
}
