package com.meetmates.signaling.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** DESIGN.md section 5: each bad input gets its error and ack, reaches nobody, and the node keeps serving. */
class BadInputTest {

  private static final String BIG_SDP = "v".repeat(64 * 1024 + 1);

  @RegisterExtension
  static final NodeFixture node = NodeFixture.forClass(1);

  static Stream<Arguments> badInputs() {
    JSONObject validOffer = new JSONObject(Map.of("type", "offer", "sdp", "v=0"));
    return Stream.of(
        Arguments.of("webrtc-offer", new Object[] {"not an object"}, "INVALID_OFFER"),
        Arguments.of("webrtc-offer", new Object[] {new JSONObject()}, "INVALID_OFFER"),
        Arguments.of("webrtc-offer", new Object[] {new JSONObject(Map.of("offer", "sdp text"))}, "INVALID_OFFER"),
        Arguments.of("webrtc-offer", new Object[] {new JSONObject(Map.of("offer",
            new JSONObject(Map.of("type", 1, "sdp", "v=0"))))}, "INVALID_OFFER"),
        Arguments.of("webrtc-offer", new Object[] {new JSONObject(Map.of("offer",
            new JSONObject(Map.of("type", "offer"))))}, "INVALID_OFFER"),
        Arguments.of("webrtc-offer", new Object[] {new JSONObject(Map.of("offer",
            new JSONObject(Map.of("type", "offer", "sdp", BIG_SDP))))}, "INVALID_OFFER"),
        Arguments.of("webrtc-answer", new Object[] {new JSONObject(Map.of("offer", validOffer))}, "INVALID_ANSWER"),
        Arguments.of("webrtc-answer", new Object[] {new JSONObject(Map.of("answer",
            new JSONObject(Map.of("type", "answer", "sdp", new JSONArray()))))}, "INVALID_ANSWER"),
        Arguments.of("ice-candidate", new Object[] {new JSONObject()}, "INVALID_CANDIDATE"),
        Arguments.of("ice-candidate", new Object[] {new JSONObject(Map.of("candidate", "candidate:1"))},
            "INVALID_CANDIDATE"),
        Arguments.of("ice-candidate", new Object[] {new JSONObject(Map.of("candidate",
            new JSONObject(Map.of("candidate", "x".repeat(5000)))))}, "INVALID_CANDIDATE"),
        Arguments.of("sendMessage", new Object[] {""}, "INVALID_MESSAGE"),
        Arguments.of("sendMessage", new Object[] {42}, "INVALID_MESSAGE"),
        Arguments.of("sendMessage", new Object[] {}, "INVALID_MESSAGE"),
        Arguments.of("sendMessage", new Object[] {"m".repeat(2001)}, "INVALID_MESSAGE"),
        Arguments.of("findChat", new Object[] {"a@example.com", "yes"}, "INVALID_ARGUMENTS"),
        Arguments.of("findChat", new Object[] {new JSONObject(), true}, "INVALID_ARGUMENTS"));
  }

  @ParameterizedTest(name = "{0} {2}")
  @MethodSource("badInputs")
  void badInputGetsItsErrorAndAckAndReachesNobody(String event, Object[] args, String code) throws Exception {
    ChatClient[] pair = pair();

    JSONObject ack = pair[0].request(event, args);

    assertThat(ack.getBoolean("ok")).isFalse();
    assertThat(ack.getJSONObject("error").getString("code")).isEqualTo(code);
    Object[] error = pair[0].next("error");
    assertThat(error[0]).isInstanceOf(String.class);
    assertThat(((JSONObject) error[1]).getString("code")).isEqualTo(code);
    assertThat(((JSONObject) error[1]).getString("message")).isEqualTo(error[0]);
    pair[0].emit("sendMessage", "still chatting");
    assertThat(pair[1].nextObject("message").getString("text")).isEqualTo("still chatting");
    assertThat(pair[1].events()).doesNotContain("webrtc-offer", "webrtc-answer", "ice-candidate", "error");
    assertThat(pair[1].received("message")).isEqualTo(1);
    assertThat(pair[0].received("chatStart")).isEqualTo(1);
  }

  @Test
  void unknownEventIsIgnoredAnsweredAndCounted() throws Exception {
    ChatClient[] pair = pair();
    long before = node.node(0).chat().counters().unknownEvents();

    JSONObject ack = pair[0].request("becomeAdmin", new JSONObject(Map.of("target", pair[1].id())));

    assertThat(ack.getJSONObject("error").getString("code")).isEqualTo("UNKNOWN_EVENT");
    assertThat(node.node(0).chat().counters().unknownEvents()).isEqualTo(before + 1);
    pair[0].emit("sendMessage", "barrier");
    pair[1].next("message");
    assertThat(pair[1].events()).containsExactly("onlineUsers", "waiting", "chatStart", "message");
  }

  @Test
  void badInputFromOneSocketLeavesOtherPairsServed() throws Exception {
    ChatClient[] noisy = pair();
    ChatClient[] quiet = pair();

    for (Arguments bad : badInputs().toList()) {
      noisy[0].emit((String) bad.get()[0], (Object[]) bad.get()[1]);
    }
    quiet[0].emit("webrtc-offer", new JSONObject(Map.of("offer", new JSONObject(Map.of("type", "offer", "sdp", "ok")))));

    assertThat(quiet[1].nextObject("webrtc-offer").getString("from")).isEqualTo(quiet[0].id());
    assertThat(noisy[0].request("sendMessage", "after the noise").getBoolean("ok")).isTrue();
    assertThat(noisy[1].nextObject("message").getString("text")).isEqualTo("after the noise");
  }

  private ChatClient[] pair() throws Exception {
    ChatClient first = node.client();
    ChatClient second = node.client();
    assertThat(first.request("findChat", "f@example.com", true).getBoolean("ok")).isTrue();
    assertThat(second.request("findChat", "s@example.com", true).getBoolean("ok")).isTrue();
    first.next("chatStart");
    second.next("chatStart");
    return new ChatClient[] {first, second};
  }
}
