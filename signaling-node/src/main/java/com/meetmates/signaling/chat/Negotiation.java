package com.meetmates.signaling.chat;

import com.meetmates.signaling.json.JsonText;
import java.util.ArrayList;
import java.util.List;

/**
 * The WebRTC negotiation of one pair, kept on the initiator's node, where the initiator's offer and
 * candidates leave and the partner's answer arrives. Holds what a re-announcing partner must be sent again:
 * the last offer and the candidates sent after it, bounded, as the JSON text they were relayed in.
 */
final class Negotiation {

  /** What the initiator's node must do after an announcement. */
  enum Step { NOTHING, CREATE_OFFER, REPLAY_OFFER }

  private final int maxCandidates;
  private boolean offerRequested;
  private JsonText offer;
  private final List<JsonText> candidatesAfterOffer = new ArrayList<>();
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

  void offerSent(JsonText sentOffer) {
    offer = sentOffer.detached();
    candidatesAfterOffer.clear();
  }

  void candidateSent(JsonText candidate) {
    if (offer != null && candidatesAfterOffer.size() < maxCandidates) {
      candidatesAfterOffer.add(candidate.detached());
    }
  }

  void answerReceived() {
    answered = true;
  }

  JsonText offer() {
    return offer;
  }

  List<JsonText> candidatesAfterOffer() {
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
