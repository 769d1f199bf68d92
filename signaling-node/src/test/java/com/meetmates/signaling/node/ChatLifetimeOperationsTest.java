package com.meetmates.signaling.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.map.LocalMapStats;
import com.meetmates.signaling.cluster.HazelcastChatState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a chat costs in Hazelcast operations, counted by the member itself (its local map statistics: puts,
 * sets, gets, removes and entry processors on the chat maps) on a one-member cluster, where every operation
 * runs. The periodic online count and state sampler cost per node and interval, not per chat: they are slowed
 * down so that only the chat counts.
 */
class ChatLifetimeOperationsTest {

  /**
   * Connect, pair, negotiate, leave, disconnect: per member 1 startWaiting (which creates its record),
   * 1 enqueueOrMatch, 1 markReady, 1 close; per pair 1 createPair, 1 attach (of the member that waited),
   * 1 removePair. Connecting costs nothing.
   */
  private static final long OPERATIONS_PER_CHAT_ENDED_BY_LEAVING = 11;
  /**
   * Two pairs ended by next, then two new pairs ended by leaving, no negotiation: 12 to pair four users,
   * 3 per next (startWaiting, removePair, enqueueOrMatch) and 2 per partner requeued, 4 to pair again,
   * 2 per leaver (close, removePair) and 1 per partner (close): 32 for 4 chats.
   */
  private static final long OPERATIONS_FOR_FOUR_CHATS_WITH_NEXT = 32;
  private static final List<String> CHAT_MAPS = List.of("sessions", "pairs", "lobby", "sockets");
  private static final String HOUR_MS = "3600000";

  @RegisterExtension
  static final NodeFixture node = NodeFixture.forClass(1, Map.of(NodeConfig.RATE_LIMIT_PER_SECOND, "0",
        NodeConfig.ONLINE_USERS_INTERVAL_MS, HOUR_MS, NodeConfig.METRICS_STATE_INTERVAL_MS, HOUR_MS));

  @Test
  void aChatFromConnectToDisconnectCostsAtMostElevenOperations() throws Exception {
    awaitNoSessionOnTheNode();
    long before = chatOperations();
    ChatClient first = client();
    ChatClient second = client();
    first.emit("findChat", "a@example.com", true);
    first.next("waiting");
    second.emit("findChat", "b@example.com", true);
    first.next("chatStart");
    second.next("chatStart");
    ChatClient initiator = first.id().compareTo(second.id()) < 0 ? first : second;
    ChatClient partner = initiator == first ? second : first;
    initiator.emit("ready-to-connect");
    partner.emit("ready-to-connect");
    initiator.next("create-offer");
    initiator.emit("webrtc-offer", new JSONObject(Map.of("offer", Map.of("type", "offer", "sdp", "v=0"))));
    partner.next("webrtc-offer");
    partner.emit("webrtc-answer", new JSONObject(Map.of("answer", Map.of("type", "answer", "sdp", "v=0"))));
    initiator.next("webrtc-answer");

    initiator.close();
    partner.next("partnerLeft");
    partner.close();
    awaitNoSessionOnTheNode();

    assertThat(chatOperations() - before).isLessThanOrEqualTo(OPERATIONS_PER_CHAT_ENDED_BY_LEAVING);
  }

  @Test
  void fourChatsEndedByNextThenByLeavingCostAtMostThirtyTwoOperations() throws Exception {
    awaitNoSessionOnTheNode();
    long before = chatOperations();
    List<ChatClient> users = List.of(client(), client(), client(), client());
    for (ChatClient user : users) {
      user.emit("findChat", "n@example.com", false);
      user.next("waiting");
    }
    Map<String, ChatClient> byId = new HashMap<>();
    users.forEach(user -> byId.put(user.id(), user));
    Set<ChatClient> pressingNext = new HashSet<>();
    for (ChatClient user : users) {
      ChatClient partner = byId.get(user.nextObject("chatStart").getString("partnerId"));
      if (!pressingNext.contains(partner)) {
        pressingNext.add(user);
      }
    }
    pressingNext.forEach(user -> user.emit("next"));
    Set<ChatClient> leaving = new HashSet<>();
    for (ChatClient user : users) {
      if (!pressingNext.contains(user)) {
        user.next("partnerLeft");
      }
      ChatClient partner = byId.get(user.nextObject("chatStart").getString("partnerId"));
      if (!leaving.contains(partner)) {
        leaving.add(user);
      }
    }
    leaving.forEach(ChatClient::close);
    for (ChatClient user : users) {
      if (!leaving.contains(user)) {
        user.next("partnerLeft");
        user.close();
      }
    }
    awaitNoSessionOnTheNode();

    assertThat(chatOperations() - before).isLessThanOrEqualTo(OPERATIONS_FOR_FOUR_CHATS_WITH_NEXT);
  }

  @Test
  void aSocketThatNeverAsksForAChatCostsNoOperation() throws Exception {
    awaitNoSessionOnTheNode();
    long before = chatOperations();
    ChatClient idle = client();
    idle.next("onlineUsers");

    idle.close();
    awaitNoSessionOnTheNode();

    assertThat(chatOperations() - before).isZero();
  }

  private ChatClient client() throws Exception {
    return node.client();
  }

  /** Sessions end on the node after their last shared-state call; this waits without touching the maps. */
  private static void awaitNoSessionOnTheNode() {
    await().atMost(Duration.ofSeconds(20)).until(() -> node.node(0).chat().localSessions() == 0);
  }

  private static long chatOperations() {
    long total = 0;
    for (String map : CHAT_MAPS) {
      LocalMapStats stats = node.hazelcast(0).getMap(HazelcastChatState.DEFAULT_PREFIX + map).getLocalMapStats();
      total += stats.getPutOperationCount() + stats.getSetOperationCount() + stats.getGetOperationCount()
          + stats.getRemoveOperationCount() + stats.getOtherOperationCount();
    }
    return total;
  }
}
