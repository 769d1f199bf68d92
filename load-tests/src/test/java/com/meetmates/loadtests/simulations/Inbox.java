package com.meetmates.loadtests.simulations;

import io.gatling.http.action.ws.WsInboundMessage;
import io.gatling.javaapi.core.Session;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a virtual user has received outside its awaited checks during the current chat, kept as
 * session attributes. Gatling keeps frames that no check awaited in a buffer that the next send
 * clears, so every send is preceded by {@link #collect}.
 */
final class Inbox {

  static final String PARTNER_ID = "partnerId";
  static final String CANDIDATES = "candidatesReceived";
  static final String MESSAGES = "messagesReceived";
  static final String PARTNER_LEFT = "partnerLeft";
  static final String PARTNER_ROUNDS_LEFT = "partnerRoundsLeft";
  static final String BYE = "bye";
  static final String NEXT_PARTNER_ID = "nextPartnerId";
  static final String FAILURE = "failure";

  static final String ROUNDS_LEFT_TAG = "rounds-left=";
  static final String BYE_TAG = "bye:";

  private static final Pattern EVENT_NAME = Pattern.compile("^42\\[\"([^\"]+)\"");
  private static final Pattern FROM = Pattern.compile("\"from\":\"([^\"]+)\"");
  private static final Pattern SENDER = Pattern.compile("\"sender\":\"([^\"]+)\"");
  private static final Pattern PARTNER = Pattern.compile("\"partnerId\":\"([^\"]+)\"");
  private static final Pattern ROUNDS_LEFT = Pattern.compile(ROUNDS_LEFT_TAG + "(\\d+)");
  private static final Pattern BYE_TEXT = Pattern.compile(BYE_TAG + "(\\w+)");

  private Inbox() {
  }

  /** Forgets the previous chat: called when a new partner is known. */
  static Session startChat(Session session, String partnerId) {
    return session.set(PARTNER_ID, partnerId)
        .set(CANDIDATES, 0)
        .set(MESSAGES, 0)
        .set(PARTNER_LEFT, false)
        .set(PARTNER_ROUNDS_LEFT, -1)
        .set(BYE, "")
        .set(NEXT_PARTNER_ID, "");
  }

  static Session collect(List<WsInboundMessage> frames, Session session) {
    Session current = session;
    for (WsInboundMessage frame : frames) {
      if (frame instanceof WsInboundMessage.Text text) {
        current = accept(text.message(), current);
      }
    }
    return current;
  }

  private static Session accept(String frame, Session session) {
    Matcher name = EVENT_NAME.matcher(frame);
    if (!name.find()) {
      return session;
    }
    String partnerId = session.getString(PARTNER_ID);
    switch (name.group(1)) {
      case "ice-candidate" -> {
        String from = group(FROM, frame);
        if (!from.equals(partnerId)) {
          return fail(session, "ice-candidate from " + from + " while paired with " + partnerId);
        }
        return session.set(CANDIDATES, session.getInt(CANDIDATES) + 1);
      }
      case "message" -> {
        Session counted = session.set(MESSAGES, session.getInt(MESSAGES) + 1);
        if (group(SENDER, frame).equals(partnerId)) {
          Matcher rounds = ROUNDS_LEFT.matcher(frame);
          if (rounds.find()) {
            counted = counted.set(PARTNER_ROUNDS_LEFT, Integer.parseInt(rounds.group(1)));
          }
          Matcher bye = BYE_TEXT.matcher(frame);
          if (bye.find()) {
            counted = counted.set(BYE, bye.group(1));
          }
        }
        return counted;
      }
      case "partnerLeft" -> {
        if (session.getBoolean(PARTNER_LEFT)) {
          return fail(session, "a second partnerLeft for partner " + partnerId);
        }
        return session.set(PARTNER_LEFT, true);
      }
      case "chatStart" -> {
        return session.set(NEXT_PARTNER_ID, group(PARTNER, frame));
      }
      case "error", "create-offer", "webrtc-offer", "webrtc-answer" -> {
        return fail(session, "unexpected frame " + abbreviate(frame));
      }
      default -> {
        return session;
      }
    }
  }

  static Session fail(Session session, String reason) {
    if (!session.getString(FAILURE).isEmpty()) {
      return session;
    }
    return session.set(FAILURE, reason);
  }

  private static String group(Pattern pattern, String frame) {
    Matcher matcher = pattern.matcher(frame);
    return matcher.find() ? matcher.group(1) : "";
  }

  private static String abbreviate(String frame) {
    return frame.length() > 120 ? frame.substring(0, 120) + "..." : frame;
  }
}
