package com.meetmates.signaling.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.meetmates.signaling.chat.Negotiation.Step;
import com.meetmates.signaling.json.JsonText;
import org.junit.jupiter.api.Test;

/** The initiator-side negotiation state: what a repeated announcement brings, and what it does not. */
class NegotiationRuleTest {

  private static final int MAX_CANDIDATES = 3;
  private static final JsonText OFFER = JsonText.wellFormed("{\"type\":\"offer\",\"sdp\":\"v=0\"}");

  private final Negotiation negotiation = new Negotiation(MAX_CANDIDATES);

  @Test
  void bothReadyAsksForTheOffer() {
    assertThat(negotiation.bothReady()).isEqualTo(Step.CREATE_OFFER);
  }

  @Test
  void initiatorAnnouncingAgainBeforeOfferingIsAskedAgain() {
    negotiation.bothReady();

    assertThat(negotiation.announcedAgain(true)).isEqualTo(Step.CREATE_OFFER);
  }

  @Test
  void initiatorAnnouncingBeforeBothAreReadyIsNotAskedYet() {
    assertThat(negotiation.announcedAgain(true)).isEqualTo(Step.NOTHING);
  }

  @Test
  void initiatorAnnouncingAgainAfterOfferingChangesNothing() {
    negotiation.bothReady();
    negotiation.offerSent(OFFER);

    assertThat(negotiation.announcedAgain(true)).isEqualTo(Step.NOTHING);
  }

  @Test
  void partnerAnnouncingAgainBeforeTheOfferChangesNothing() {
    negotiation.bothReady();

    assertThat(negotiation.announcedAgain(false)).isEqualTo(Step.NOTHING);
  }

  @Test
  void partnerAnnouncingAgainBeforeAnsweringGetsTheOfferAndTheCandidatesSentAfterIt() {
    negotiation.bothReady();
    negotiation.candidateSent(candidate("before the offer"));
    negotiation.offerSent(OFFER);
    negotiation.candidateSent(candidate("first"));
    negotiation.candidateSent(JsonText.NULL);

    assertThat(negotiation.announcedAgain(false)).isEqualTo(Step.REPLAY_OFFER);
    assertThat(negotiation.offer()).isEqualTo(OFFER);
    assertThat(negotiation.candidatesAfterOffer()).containsExactly(candidate("first"), JsonText.NULL);
  }

  @Test
  void replayKeepsAtMostTheConfiguredNumberOfCandidates() {
    negotiation.offerSent(OFFER);
    for (int i = 0; i < MAX_CANDIDATES + 5; i++) {
      negotiation.candidateSent(candidate("c" + i));
    }

    assertThat(negotiation.candidatesAfterOffer()).containsExactly(candidate("c0"), candidate("c1"), candidate("c2"));
  }

  @Test
  void aNewOfferReplacesTheOldOneAndItsCandidates() {
    negotiation.offerSent(OFFER);
    negotiation.candidateSent(candidate("old"));
    JsonText restart = JsonText.wellFormed("{\"type\":\"offer\",\"sdp\":\"v=0 restart\"}");

    negotiation.offerSent(restart);

    assertThat(negotiation.offer()).isEqualTo(restart);
    assertThat(negotiation.candidatesAfterOffer()).isEmpty();
  }

  @Test
  void afterTheAnswerOneAnnouncementChangesNothingAndTheSecondStartsANewNegotiation() {
    negotiation.bothReady();
    negotiation.offerSent(OFFER);
    negotiation.answerReceived();

    assertThat(negotiation.announcedAgain(false)).isEqualTo(Step.NOTHING);
    assertThat(negotiation.announcedAgain(false)).isEqualTo(Step.NOTHING);
    assertThat(negotiation.announcedAgain(true)).isEqualTo(Step.CREATE_OFFER);
    assertThat(negotiation.offer()).isNull();
    assertThat(negotiation.announcedAgain(false)).isEqualTo(Step.NOTHING);
  }

  private static JsonText candidate(String name) {
    return JsonText.wellFormed("{\"candidate\":\"" + name + "\"}");
  }
}
