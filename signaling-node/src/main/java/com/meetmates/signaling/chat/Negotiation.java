package com.meetmates.signaling.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The WebRTC negotiation of one pair, kept on the initiator's node, where the initiator's offer and
 * candidates leave and the partner's answer arrives. Holds what a re-announcing partner must be sent again:
 * the last offer and the candidates sent after it, bounded.
 */
final class Negotiation {

  /** What the initiator's node must do after an announcement. */
  enum Step { NOTHING, CREATE_OFFER, REPLAY_OFFER }

  private final int maxCandidates;
  private boolean offerRequested;
  private Map<String, Object> offer;
  private final List<Object> candidatesAfterOffer = new ArrayList<>();
  private boolean answered;
  private boolean initiatorAgain;
  private boolean partnerAgain;

  Negotiation(int maxCandidates) {
    this.maxCandidates = maxCandidates;
  }

  /** The shared ready flags say both members are ready for the first time. */
  Step bothReady() {
    offerRequested = true;
    return Step.CREATE_OFFER;
  }

  /** A member that had already announced announces again. */
  Step announcedAgain(boolean byInitiator) {
    if (answered) {
      if (byInitiator) {
        initiatorAgain = true;
      } else {
        partnerAgain = true;
      }
      if (initiatorAgain && partnerAgain) {
        restart();
        return Step.CREATE_OFFER;
      }
      return Step.NOTHING;
    }
    if (byInitiator) {
      return offerRequested && offer == null ? Step.CREATE_OFFER : Step.NOTHING;
    }
    return offer != null ? Step.REPLAY_OFFER : Step.NOTHING;
  }

  void offerSent(Map<String, Object> sentOffer) {
    offer = sentOffer;
    candidatesAfterOffer.clear();
  }

  void candidateSent(Object candidate) {
    if (offer != null && candidatesAfterOffer.size() < maxCandidates) {
      candidatesAfterOffer.add(candidate);
    }
  }

  void answerReceived() {
    answered = true;
  }

  Map<String, Object> offer() {
    return offer;
  }

  List<Object> candidatesAfterOffer() {
    return new ArrayList<>(candidatesAfterOffer);
  }

  private void restart() {
    offerRequested = true;
    offer = null;
    candidatesAfterOffer.clear();
    answered = false;
    initiatorAgain = false;
    partnerAgain = false;
  }
}
