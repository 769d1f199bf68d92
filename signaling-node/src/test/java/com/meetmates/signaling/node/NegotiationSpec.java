package com.meetmates.signaling.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The negotiation rule of DESIGN.md section 1: one create-offer per negotiation, to the lower socket id,
 * whatever the order of the announcements; a member that announces again is brought up to date. Subclasses
 * choose the topology: the two members of a pair are on different nodes when there are several.
 */
abstract class NegotiationSpec {

  private static final int LATE_LISTENER_RUNS = 100;
  private static final int CANDIDATES = 3;

  /** The nodes of the topology the subclass chose. */
  protected abstract NodeFixture node();

  /** Who announces first, and whether the first one announces from inside its chatStart listener. */
  enum Order {
    INITIATOR_FIRST_AFTER_BOTH_CHAT_STARTS(true, false),
    INITIATOR_LAST_AFTER_BOTH_CHAT_STARTS(false, false),
    INITIATOR_FIRST_BEFORE_PARTNER_HAS_CHAT_START(true, true),
    INITIATOR_LAST_PARTNER_FIRST_BEFORE_INITIATOR_HAS_CHAT_START(false, true);

    final boolean initiatorFirst;
    final boolean firstAnnouncesOnChatStart;

    Order(boolean initiatorFirst, boolean firstAnnouncesOnChatStart) {
      this.initiatorFirst = initiatorFirst;
      this.firstAnnouncesOnChatStart = firstAnnouncesOnChatStart;
    }
  }

  @ParameterizedTest
  @EnumSource(Order.class)
  void exactlyOneCreateOfferGoesToTheLowerIdWhateverTheOrder(Order order) throws Exception {
    ChatClient[] byId = connectedPairOrderedById();
    ChatClient initiator = byId[0];
    ChatClient partner = byId[1];
    ChatClient first = order.initiatorFirst ? initiator : partner;
    ChatClient second = order.initiatorFirst ? partner : initiator;

    if (order.firstAnnouncesOnChatStart) {
      first.announceOnChatStart();
      // The matcher is told first; the other member's chatStart is still on its way when the first announces.
      second.emit("findChat", "second@example.com", true);
      second.next("waiting");
      first.emit("findChat", "first@example.com", true);
      first.next("chatStart");
      await().atMost(Duration.ofSeconds(20)).until(() -> first.announcementsAcked() == 1);
      second.next("chatStart");
    } else {
      startChat(first, second);
      assertThat(first.request("ready-to-connect").getBoolean("ok")).isTrue();
    }
    assertThat(second.request("ready-to-connect").getBoolean("ok")).isTrue();
    exchangeMessages(initiator, partner);

    assertThat(initiator.received("create-offer")).isEqualTo(1);
    assertThat(partner.received("create-offer")).isZero();
  }

  @Test
  void bothAnnouncingOnChatStartGiveOneCreateOfferToTheLowerId() throws Exception {
    ChatClient[] byId = connectedPairOrderedById();
    byId[0].announceOnChatStart();
    byId[1].announceOnChatStart();

    startChat(byId[0], byId[1]);
    await().atMost(Duration.ofSeconds(20))
        .until(() -> byId[0].announcementsAcked() == 1 && byId[1].announcementsAcked() == 1);
    exchangeMessages(byId[0], byId[1]);

    assertThat(byId[0].received("create-offer")).isEqualTo(1);
    assertThat(byId[1].received("create-offer")).isZero();
  }

  @Test
  void lateListeningPartnerGetsTheOfferAndCandidatesAgainAndAnswersInEveryRun() throws Exception {
    ChatClient[] byId = connectedPairOrderedById();
    ChatClient initiator = byId[0];
    ChatClient partner = byId[1];
    initiator.announceOnChatStart();
    partner.announceOnChatStart();

    for (int run = 0; run < LATE_LISTENER_RUNS; run++) {
      startChat(initiator, partner);
      initiator.next("create-offer");
      sendOfferAndCandidates(initiator, run);
      // The partner was not listening yet: what arrived so far is lost.
      await().atMost(Duration.ofSeconds(20))
          .until(() -> partner.pending("webrtc-offer") == 1 && partner.pending("ice-candidate") == CANDIDATES);
      partner.discard("webrtc-offer");
      partner.discard("ice-candidate");
      int listeningFrom = partner.events().size();

      assertThat(partner.request("ready-to-connect").getBoolean("ok")).isTrue();

      JSONObject offer = partner.nextObject("webrtc-offer");
      assertThat(offer.getString("from")).isEqualTo(initiator.id());
      assertThat(offer.getJSONObject("offer").getString("sdp")).isEqualTo("offer " + run);
      for (int c = 0; c < CANDIDATES; c++) {
        JSONObject candidate = partner.nextObject("ice-candidate");
        assertThat(candidate.getJSONObject("candidate").getString("candidate")).isEqualTo(candidateLine(run, c));
      }
      // The online count is broadcast whenever it changes, between any two events.
      List<String> afterListening = partner.events().subList(listeningFrom, partner.events().size()).stream()
          .filter(event -> !event.equals("onlineUsers")).toList();
      assertThat(afterListening).startsWith("webrtc-offer", "ice-candidate", "ice-candidate", "ice-candidate");
      partner.emit("webrtc-answer", new JSONObject(Map.of("answer", sessionDescription("answer", "answer " + run))));
      assertThat(initiator.nextObject("webrtc-answer").getJSONObject("answer").getString("sdp"))
          .isEqualTo("answer " + run);
      assertThat(initiator.received("create-offer")).isEqualTo(run + 1);

      assertThat(initiator.request("findChat", "i@example.com", true).getBoolean("ok")).isTrue();
      partner.next("partnerLeft");
    }
  }

  @Test
  void lateListeningInitiatorGetsCreateOfferAgainWhenItAnnouncesBeforeOffering() throws Exception {
    ChatClient[] byId = connectedPairOrderedById();
    ChatClient initiator = byId[0];
    initiator.announceOnChatStart();
    byId[1].announceOnChatStart();
    startChat(initiator, byId[1]);
    initiator.next("create-offer");

    assertThat(initiator.request("ready-to-connect").getBoolean("ok")).isTrue();

    initiator.next("create-offer");
    sendOfferAndCandidates(initiator, 0);
    assertThat(byId[1].nextObject("webrtc-offer").getString("from")).isEqualTo(initiator.id());
  }

  @Test
  void initiatorAnnouncingAgainAfterItsOfferChangesNothing() throws Exception {
    ChatClient[] byId = readyPair();
    sendOfferAndCandidates(byId[0], 0);
    byId[1].next("webrtc-offer");

    assertThat(byId[0].request("ready-to-connect").getBoolean("ok")).isTrue();

    exchangeMessages(byId[0], byId[1]);
    assertThat(byId[0].received("create-offer")).isEqualTo(1);
    assertThat(byId[1].received("webrtc-offer")).isEqualTo(1);
  }

  @Test
  void partnerAnnouncingAgainBeforeAnyOfferChangesNothing() throws Exception {
    ChatClient[] byId = readyPair();

    assertThat(byId[1].request("ready-to-connect").getBoolean("ok")).isTrue();

    exchangeMessages(byId[0], byId[1]);
    assertThat(byId[0].received("create-offer")).isEqualTo(1);
    assertThat(byId[1].received("webrtc-offer")).isZero();
  }

  @Test
  void afterTheAnswerOneMemberAnnouncingChangesNothingAndBothStartANewNegotiation() throws Exception {
    ChatClient[] byId = readyPair();
    sendOfferAndCandidates(byId[0], 0);
    byId[1].next("webrtc-offer");
    byId[1].emit("webrtc-answer", new JSONObject(Map.of("answer", sessionDescription("answer", "a"))));
    byId[0].next("webrtc-answer");

    assertThat(byId[1].request("ready-to-connect").getBoolean("ok")).isTrue();
    exchangeMessages(byId[0], byId[1]);
    assertThat(byId[0].received("create-offer")).isEqualTo(1);
    assertThat(byId[1].received("webrtc-offer")).isEqualTo(1);

    assertThat(byId[0].request("ready-to-connect").getBoolean("ok")).isTrue();
    byId[0].next("create-offer");
    exchangeMessages(byId[0], byId[1]);
    assertThat(byId[0].received("create-offer")).isEqualTo(2);
    assertThat(byId[1].received("create-offer")).isZero();
  }

  @Test
  void announcingWithoutAPairIsAnsweredNotPaired() throws Exception {
    ChatClient alone = client();

    JSONObject ack = alone.request("ready-to-connect");

    assertThat(ack.getJSONObject("error").getString("code")).isEqualTo("NOT_PAIRED");
    assertThat(alone.received("create-offer")).isZero();
  }

  protected ChatClient client() throws Exception {
    return node().client();
  }

  /** Two connected clients, the lower socket id (the initiator) first. */
  protected ChatClient[] connectedPairOrderedById() throws Exception {
    ChatClient a = client();
    ChatClient b = client();
    return a.id().compareTo(b.id()) < 0 ? new ChatClient[] {a, b} : new ChatClient[] {b, a};
  }

  /** A pair in which both announced and the initiator got its create-offer. */
  private ChatClient[] readyPair() throws Exception {
    ChatClient[] byId = connectedPairOrderedById();
    startChat(byId[0], byId[1]);
    assertThat(byId[0].request("ready-to-connect").getBoolean("ok")).isTrue();
    assertThat(byId[1].request("ready-to-connect").getBoolean("ok")).isTrue();
    byId[0].next("create-offer");
    return byId;
  }

  protected static void startChat(ChatClient first, ChatClient second) throws Exception {
    assertThat(first.request("findChat", "first@example.com", true).getBoolean("ok")).isTrue();
    assertThat(second.request("findChat", "second@example.com", true).getBoolean("ok")).isTrue();
    first.next("chatStart");
    second.next("chatStart");
  }

  /**
   * Each member sends a message and both receive both: whatever the server had to send them before (a
   * create-offer, a replay) has arrived by then, since deliveries to a socket keep their order.
   */
  protected static void exchangeMessages(ChatClient a, ChatClient b) throws Exception {
    a.emit("sendMessage", "barrier from a");
    b.emit("sendMessage", "barrier from b");
    for (ChatClient member : new ChatClient[] {a, b}) {
      member.next("message");
      member.next("message");
    }
  }

  private static void sendOfferAndCandidates(ChatClient initiator, int run) throws Exception {
    assertThat(initiator.request("webrtc-offer",
        new JSONObject(Map.of("offer", sessionDescription("offer", "offer " + run)))).getBoolean("ok")).isTrue();
    for (int c = 0; c < CANDIDATES; c++) {
      initiator.emit("ice-candidate", new JSONObject(Map.of("candidate",
          new JSONObject(Map.of("candidate", candidateLine(run, c), "sdpMid", "0", "sdpMLineIndex", 0)))));
    }
  }

  private static JSONObject sessionDescription(String type, String sdp) {
    return new JSONObject(Map.of("type", type, "sdp", sdp));
  }

  private static String candidateLine(int run, int index) {
    return "candidate:" + run + " 1 udp " + index + " 127.0.0.1 " + (9000 + index) + " typ host";
  }
}
