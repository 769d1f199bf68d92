package com.meetmates.signaling.chat;

/** Event names of the MeetMates client contract. */
public final class Events {

  public static final String FIND_CHAT = "findChat";
  public static final String SEND_MESSAGE = "sendMessage";
  public static final String NEXT = "next";
  public static final String READY_TO_CONNECT = "ready-to-connect";
  public static final String WEBRTC_OFFER = "webrtc-offer";
  public static final String WEBRTC_ANSWER = "webrtc-answer";
  public static final String ICE_CANDIDATE = "ice-candidate";

  public static final String WAITING = "waiting";
  public static final String CHAT_START = "chatStart";
  public static final String MESSAGE = "message";
  public static final String PARTNER_LEFT = "partnerLeft";
  public static final String CREATE_OFFER = "create-offer";
  public static final String ONLINE_USERS = "onlineUsers";
  public static final String ERROR = "error";

  private Events() {
  }
}
