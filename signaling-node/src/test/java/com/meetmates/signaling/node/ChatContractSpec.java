package com.meetmates.signaling.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/**
 * The client contract of DESIGN.md section 1, event by event, with the real Java client against real nodes.
 * Subclasses choose the topology: the clients of a test are spread over the fixture's nodes in turn.
 */
abstract class ChatContractSpec {

  /** The nodes of the topology the subclass chose. */
  protected abstract NodeFixture node();

  protected ChatClient client() throws Exception {
    return node().client();
  }

  /** Two clients that called findChat one after the other and both got chatStart. */
  private ChatClient[] pair(boolean firstVideo, boolean secondVideo) throws Exception {
    ChatClient first = client();
    ChatClient second = client();
    first.emit("findChat", "first@example.com", firstVideo);
    first.next("waiting");
    second.emit("findChat", "second@example.com", secondVideo);
    second.next("waiting");
    first.next("chatStart");
    second.next("chatStart");
    return new ChatClient[] {first, second};
  }

  @Test
  void findChatAloneRepliesWaitingAndQueuesTheUser() throws Exception {
    ChatClient alone = client();

    assertThat(alone.request("findChat", "a@example.com", false).getBoolean("ok")).isTrue();

    assertThat(alone.events()).containsSubsequence("onlineUsers", "waiting");
    assertThat(node().state().sizes().waiting()).isEqualTo(1);
  }

  @Test
  void secondFindChatStartsTheChatForBothWithEachOthersId() throws Exception {
    ChatClient first = client();
    ChatClient second = client();
    first.emit("findChat", "a@example.com", false);
    first.next("waiting");

    second.emit("findChat", "b@example.com", false);

    JSONObject firstStart = first.nextObject("chatStart");
    JSONObject secondStart = second.nextObject("chatStart");
    assertThat(firstStart.getString("partnerId")).isEqualTo(second.id());
    assertThat(secondStart.getString("partnerId")).isEqualTo(first.id());
    assertThat(firstStart.getBoolean("withVideo")).isFalse();
    assertThat(secondStart.getBoolean("withVideo")).isFalse();
    assertThat(second.events()).containsSubsequence("waiting", "chatStart");
  }

  @Test
  void twoVideoUsersGetAVideoChat() throws Exception {
    ChatClient[] pair = pair(true, true);

    assertThat(pair[0].received("chatStart")).isEqualTo(1);
    assertThat(node().state().sizes().pairs()).isEqualTo(1);
    pair[0].emit("sendMessage", "barrier");
    assertThat(pair[1].nextObject("message").getString("text")).isEqualTo("barrier");
  }

  @Test
  void videoUserWaitingAloneIsPairedWithATextUserInAVideoChat() throws Exception {
    ChatClient video = client();
    ChatClient text = client();
    video.emit("findChat", "v@example.com", true);
    video.next("waiting");

    text.emit("findChat", "t@example.com", false);

    assertThat(video.nextObject("chatStart").getBoolean("withVideo")).isTrue();
    assertThat(text.nextObject("chatStart").getBoolean("withVideo")).isTrue();
  }

  @Test
  void textUserWaitingAloneIsPairedWithAVideoUserInAVideoChat() throws Exception {
    ChatClient text = client();
    ChatClient video = client();
    text.emit("findChat", "t@example.com");
    text.next("waiting");

    video.emit("findChat", "v@example.com", true);

    assertThat(text.nextObject("chatStart").getBoolean("withVideo")).isTrue();
    assertThat(video.nextObject("chatStart").getBoolean("withVideo")).isTrue();
  }

  @Test
  void twoTextUsersGetATextChat() throws Exception {
    ChatClient[] pair = pair(false, false);

    assertThat(pair[0].received("chatStart")).isEqualTo(1);
    assertThat(pair[1].received("chatStart")).isEqualTo(1);
  }

  @Test
  void messageReachesBothMembersWithSenderEmailAndTimestamp() throws Exception {
    ChatClient[] pair = pair(false, false);

    JSONObject ack = pair[0].request("sendMessage", "hello there");

    assertThat(ack.getBoolean("ok")).isTrue();
    for (ChatClient member : pair) {
      JSONObject message = member.nextObject("message");
      assertThat(message.getString("sender")).isEqualTo(pair[0].id());
      assertThat(message.getString("text")).isEqualTo("hello there");
      assertThat(message.getString("senderEmail")).isEqualTo("Anonymous");
      assertThat(message.getString("timestamp")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    }
  }

  @Test
  void messageWhileNotPairedIsAnsweredNotPairedAndGoesNowhere() throws Exception {
    ChatClient alone = client();

    JSONObject ack = alone.request("sendMessage", "anyone?");

    assertThat(ack.getBoolean("ok")).isFalse();
    assertThat(ack.getJSONObject("error").getString("code")).isEqualTo("NOT_PAIRED");
    assertThat(alone.received("message")).isZero();
  }

  @Test
  void offerAnswerAndCandidatesReachThePartnerWithTheTrueSenderId() throws Exception {
    ChatClient[] pair = pair(true, true);
    JSONObject offer = new JSONObject(Map.of("type", "offer", "sdp", "v=0 offer"));
    JSONObject answer = new JSONObject(Map.of("type", "answer", "sdp", "v=0 answer"));
    JSONObject candidate = new JSONObject(Map.of("candidate", "candidate:1 1 udp 1 127.0.0.1 9 typ host",
        "sdpMid", "0", "sdpMLineIndex", 0));

    assertThat(pair[0].request("webrtc-offer", new JSONObject(Map.of("offer", offer, "from", "spoofed")))
        .getBoolean("ok")).isTrue();
    pair[1].emit("webrtc-answer", new JSONObject(Map.of("answer", answer)));
    pair[0].emit("ice-candidate", new JSONObject(Map.of("candidate", candidate)));
    pair[1].emit("ice-candidate", new JSONObject().put("candidate", JSONObject.NULL));

    JSONObject offered = pair[1].nextObject("webrtc-offer");
    assertThat(offered.getString("from")).isEqualTo(pair[0].id());
    assertThat(offered.getJSONObject("offer").getString("sdp")).isEqualTo("v=0 offer");
    JSONObject answered = pair[0].nextObject("webrtc-answer");
    assertThat(answered.getString("from")).isEqualTo(pair[1].id());
    assertThat(answered.getJSONObject("answer").getString("type")).isEqualTo("answer");
    JSONObject iceAtSecond = pair[1].nextObject("ice-candidate");
    assertThat(iceAtSecond.getString("from")).isEqualTo(pair[0].id());
    assertThat(iceAtSecond.getJSONObject("candidate").getString("sdpMid")).isEqualTo("0");
    JSONObject endOfCandidates = pair[0].nextObject("ice-candidate");
    assertThat(endOfCandidates.isNull("candidate")).isTrue();
    assertThat(endOfCandidates.getString("from")).isEqualTo(pair[1].id());
  }

  @Test
  void findChatWhilePairedTellsThePartnerOnceAndQueuesOnlyTheCaller() throws Exception {
    ChatClient[] pair = pair(false, false);

    assertThat(pair[0].request("findChat", "first@example.com", false).getBoolean("ok")).isTrue();

    assertThat(pair[1].nextObject("partnerLeft").getString("partnerId")).isEqualTo(pair[0].id());
    pair[0].next("waiting");
    assertThat(pair[1].request("sendMessage", "still here?").getJSONObject("error").getString("code"))
        .isEqualTo("NOT_PAIRED");
    assertThat(pair[1].received("partnerLeft")).isEqualTo(1);
    assertThat(pair[1].received("waiting")).isEqualTo(1);
    assertThat(node().state().sizes().waiting()).isEqualTo(1);

    ChatClient third = client();
    third.emit("findChat", "third@example.com", false);
    assertThat(pair[0].nextObject("chatStart").getString("partnerId")).isEqualTo(third.id());
  }

  @Test
  void nextWhilePairedTellsThePartnerLeftThenWaitingAndRequeuesBoth() throws Exception {
    ChatClient[] pair = pair(false, true);

    assertThat(pair[0].request("next").getBoolean("ok")).isTrue();

    assertThat(pair[1].nextObject("partnerLeft").getString("partnerId")).isEqualTo(pair[0].id());
    pair[1].next("waiting");
    pair[0].next("waiting");
    assertThat(pair[1].events()).containsSubsequence("chatStart", "partnerLeft", "waiting");
    JSONObject again = pair[0].nextObject("chatStart");
    assertThat(again.getString("partnerId")).isEqualTo(pair[1].id());
    assertThat(pair[1].nextObject("chatStart").getString("partnerId")).isEqualTo(pair[0].id());
    assertThat(pair[0].received("partnerLeft")).as("first: %s, second: %s", pair[0].events(), pair[1].events()).isZero();
  }

  @Test
  void nextWhileWaitingRepliesWaitingAndQueuesOnce() throws Exception {
    ChatClient waiting = client();
    waiting.emit("findChat", "w@example.com", true);
    waiting.next("waiting");

    assertThat(waiting.request("next").getBoolean("ok")).isTrue();
    waiting.next("waiting");

    assertThat(node().state().sizes().waiting()).isEqualTo(1);
    ChatClient other = client();
    other.emit("findChat", "o@example.com", true);
    other.next("chatStart");
    waiting.next("chatStart");
    other.emit("sendMessage", "barrier");
    waiting.next("message");
    assertThat(waiting.received("chatStart")).isEqualTo(1);
    assertThat(node().state().sizes().waiting()).isZero();
  }

  @Test
  void nextBeforeAnyFindChatQueuesTheUser() throws Exception {
    ChatClient newcomer = client();

    assertThat(newcomer.request("next").getBoolean("ok")).isTrue();

    newcomer.next("waiting");
    assertThat(node().state().sizes().waiting()).isEqualTo(1);
  }

  @Test
  void disconnectWhileWaitingLeavesTheQueue() throws Exception {
    ChatClient leaver = client();
    leaver.emit("findChat", "l@example.com", false);
    leaver.next("waiting");

    leaver.disconnect();

    node().awaitEmptyState();
    ChatClient later = client();
    later.request("findChat", "later@example.com", false);
    assertThat(node().state().sizes().waiting()).isEqualTo(1);
    assertThat(later.received("chatStart")).isZero();
  }

  @Test
  void disconnectWhilePairedTellsThePartnerExactlyOnce() throws Exception {
    ChatClient[] pair = pair(true, false);
    String leaverId = pair[0].id();

    pair[0].disconnect();

    assertThat(pair[1].nextObject("partnerLeft").getString("partnerId")).isEqualTo(leaverId);
    assertThat(pair[1].request("sendMessage", "hello?").getJSONObject("error").getString("code"))
        .isEqualTo("NOT_PAIRED");
    List<String> events = pair[1].events();
    assertThat(events.subList(events.indexOf("partnerLeft") + 1, events.size())).doesNotContain("partnerLeft", "waiting");
  }

  @Test
  void onlineCountChangeIsPublishedToEverySocket() throws Exception {
    ChatClient first = client();
    ChatClient second = client();

    first.awaitOnlineUsers(2);
    second.awaitOnlineUsers(2);
    second.close();
    first.awaitOnlineUsers(1);
  }
}
