package com.meetmates.signaling.chat;

/**
 * Two matched users. The initiator is the member with the lower socket id (String order, as in
 * JavaScript); it is the one told to create the WebRTC offer.
 */
public record Pair(String pairId, String initiatorId, String initiatorNode, String partnerId, String partnerNode,
    boolean withVideo) {

  public static Pair of(String pairId, WaitingEntry a, WaitingEntry b) {
    boolean withVideo = a.withVideo() || b.withVideo();
    return a.socketId().compareTo(b.socketId()) < 0
        ? new Pair(pairId, a.socketId(), a.nodeId(), b.socketId(), b.nodeId(), withVideo)
        : new Pair(pairId, b.socketId(), b.nodeId(), a.socketId(), a.nodeId(), withVideo);
  }

  public boolean isInitiator(String socketId) {
    return initiatorId.equals(socketId);
  }

  public String otherThan(String socketId) {
    return isInitiator(socketId) ? partnerId : initiatorId;
  }

  public String nodeOf(String socketId) {
    return isInitiator(socketId) ? initiatorNode : partnerNode;
  }
}
