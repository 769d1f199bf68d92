package com.meetmates.signaling.cluster;

import com.meetmates.signaling.chat.Delivery;
import com.meetmates.signaling.chat.Pair;
import io.vertx.core.json.JsonObject;

/** The event-bus form of a {@link Delivery}: a JSON object tagged with its kind. */
final class DeliveryCodec {

  private static final String KIND = "k";

  private DeliveryCodec() {
  }

  static JsonObject encode(Delivery delivery) {
    if (delivery instanceof Delivery.FromPartner relay) {
      return new JsonObject().put(KIND, "relay").put("pairId", relay.pairId()).put("from", relay.from())
          .put("event", relay.event()).put("payload", new JsonObject(relay.payload()));
    }
    if (delivery instanceof Delivery.Announced announced) {
      return new JsonObject().put(KIND, "announced").put("pairId", announced.pairId())
          .put("member", announced.memberId()).put("bothReady", announced.bothReadyNow());
    }
    if (delivery instanceof Delivery.PairStarted started) {
      Pair pair = started.pair();
      return new JsonObject().put(KIND, "started").put("pairId", pair.pairId())
          .put("initiator", pair.initiatorId()).put("initiatorNode", pair.initiatorNode())
          .put("partner", pair.partnerId()).put("partnerNode", pair.partnerNode())
          .put("withVideo", pair.withVideo());
    }
    Delivery.PairEnded ended = (Delivery.PairEnded) delivery;
    return new JsonObject().put(KIND, "ended").put("pairId", ended.pairId()).put("leaver", ended.leaverId())
        .put("requeue", ended.requeue());
  }

  static Delivery decode(JsonObject json) {
    String pairId = json.getString("pairId");
    return switch (json.getString(KIND)) {
      case "relay" -> new Delivery.FromPartner(pairId, json.getString("from"), json.getString("event"),
          json.getJsonObject("payload").getMap());
      case "announced" -> new Delivery.Announced(pairId, json.getString("member"), json.getBoolean("bothReady"));
      case "started" -> new Delivery.PairStarted(new Pair(pairId, json.getString("initiator"),
          json.getString("initiatorNode"), json.getString("partner"), json.getString("partnerNode"),
          json.getBoolean("withVideo")));
      case "ended" -> new Delivery.PairEnded(pairId, json.getString("leaver"), json.getBoolean("requeue"));
      default -> throw new IllegalArgumentException("unknown delivery kind: " + json.getString(KIND));
    };
  }
}
