package com.meetmates.loadtests.simulations;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.http.HttpDsl.ws;

import com.meetmates.loadtests.protocol.SocketIoFrames;
import com.meetmates.loadtests.protocol.WebRtcPayloads;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import io.vertx.core.json.JsonObject;
import java.time.Duration;

/** The MeetMates steps shared by the simulations: finding a partner and the offer/answer exchange. */
final class ChatSteps {

  static final String NEW_PARTNER = "newPartner";
  static final String FIND_CHAT_TO_CHAT_START = "findChat -> chatStart";
  static final String OFFER_TO_ANSWER = "offer -> answer";

  private static final String FIND_CHAT = SocketIoFrames.event("findChat", null, true);
  private static final String READY = SocketIoFrames.event("ready-to-connect");
  private static final String OFFER = SocketIoFrames.event("webrtc-offer", new JsonObject().put("offer", WebRtcPayloads.offer()));
  private static final String ANSWER = SocketIoFrames.event("webrtc-answer", new JsonObject().put("answer", WebRtcPayloads.answer()));
  private static final String PARTNER_ID = "\"partnerId\":\"([^\"]+)\"";
  private static final String FROM = "\"from\":\"([^\"]+)\"";

  private ChatSteps() {
  }

  static boolean isInitiator(Session session) {
    return session.getString(SocketIoSteps.SID).compareTo(session.getString(Inbox.PARTNER_ID)) < 0;
  }

  static ChainBuilder startChatWith(String partnerAttribute) {
    return exec(session -> Inbox.startChat(session, session.getString(partnerAttribute)));
  }

  /** findChat(video), then waiting and chatStart; its response time is findChat to chatStart. */
  static ChainBuilder findChat(Duration timeout) {
    return exec(ws("emit findChat").sendText(FIND_CHAT).await(timeout).on(
            SocketIoSteps.awaitEvent("findChat -> waiting", "waiting"),
            SocketIoSteps.awaitEvent(FIND_CHAT_TO_CHAT_START, "chatStart").check(regex(PARTNER_ID).saveAs(NEW_PARTNER))))
        .exitHereIfFailed()
        .exec(startChatWith(NEW_PARTNER));
  }

  /** next, then waiting and the next chatStart. */
  static ChainBuilder next(Duration timeout) {
    return exec(ws("emit next").sendText(SocketIoFrames.event("next")).await(timeout).on(
            SocketIoSteps.awaitEvent("next -> waiting", "waiting"),
            SocketIoSteps.awaitEvent("next -> chatStart", "chatStart").check(regex(PARTNER_ID).saveAs(NEW_PARTNER))))
        .exitHereIfFailed()
        .exec(startChatWith(NEW_PARTNER));
  }

  /** The initiator: ready, create-offer, the 4 KB offer, the partner's answer. */
  static ChainBuilder initiatorNegotiation(Duration timeout) {
    return exec(ws("emit ready-to-connect").sendText(READY).await(timeout)
            .on(SocketIoSteps.awaitEvent("ready -> create-offer", "create-offer")))
        .exitHereIfFailed()
        .exec(ws("emit webrtc-offer").sendText(OFFER).await(timeout).on(
            SocketIoSteps.awaitEvent(OFFER_TO_ANSWER, "webrtc-answer")
                .check(regex(FROM).is(session -> session.getString(Inbox.PARTNER_ID)))))
        .exitHereIfFailed();
  }

  /** The partner: ready, the initiator's offer (from it, full size), the answer. */
  static ChainBuilder partnerNegotiation(Duration timeout) {
    return exec(ws("emit ready-to-connect").sendText(READY).await(timeout).on(
            SocketIoSteps.awaitEvent("ready -> offer", "webrtc-offer")
                .check(regex(FROM).is(session -> session.getString(Inbox.PARTNER_ID)))
                .check(regex("\"sdp\":\"(v=0[^\"]+)\"").transform(String::length).gt(WebRtcPayloads.OFFER_SDP_BYTES / 2))))
        .exitHereIfFailed()
        .exec(SocketIoSteps.emit("emit webrtc-answer", session -> ANSWER));
  }
}
