package com.meetmates.signaling.node.observability;

import com.meetmates.signaling.chat.Events;

/** The kinds of events relayed between partners, with the {@code type} label /metrics gives each. */
enum RelayType {
  OFFER(Events.WEBRTC_OFFER, "offer"),
  ANSWER(Events.WEBRTC_ANSWER, "answer"),
  ICE_CANDIDATE(Events.ICE_CANDIDATE, "ice-candidate"),
  MESSAGE(Events.MESSAGE, "message");

  final String event;
  final String label;

  RelayType(String event, String label) {
    this.event = event;
    this.label = label;
  }

  static RelayType of(String event) {
    return switch (event) {
      case Events.WEBRTC_OFFER -> OFFER;
      case Events.WEBRTC_ANSWER -> ANSWER;
      case Events.ICE_CANDIDATE -> ICE_CANDIDATE;
      case Events.MESSAGE -> MESSAGE;
      default -> throw new IllegalArgumentException("not a relayed event: " + event);
    };
  }
}
