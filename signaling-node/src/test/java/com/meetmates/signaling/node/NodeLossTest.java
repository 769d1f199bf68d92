package com.meetmates.signaling.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A node that dies or stops: the partners of its users on the surviving nodes hear one partnerLeft, the shared
 * state forgets the node's sessions, and matching goes on. In-process members; a killed member is terminated
 * without leaving the cluster, as a crashed process would be.
 */
class NodeLossTest {

  private static final Duration PARTNER_LEFT_DEADLINE = Duration.ofSeconds(15);
  /** A stopping node settles its pairs itself: nobody waits for a failure detector. */
  private static final Duration GRACEFUL_DEADLINE = Duration.ofSeconds(2);

  private NodeFixture cluster;
  private final List<ChatClient> clients = new ArrayList<>();

  @AfterEach
  void stopCluster() throws Exception {
    clients.forEach(ChatClient::close);
    cluster.close();
  }

  @Test
  void killedNodesPartnersHearPartnerLeftOnceAndItsSessionsAreGone() throws Exception {
    cluster = NodeFixture.start(3);
    ChatClient[] zeroWithTwo = pair(0, 2);
    ChatClient[] oneWithTwo = pair(1, 2);
    ChatClient[] zeroWithOne = pair(0, 1);
    ChatClient waitingOnTwo = client(2);
    waitingOnTwo.request("findChat", "w@example.com", false);

    cluster.kill(2);

    await().atMost(PARTNER_LEFT_DEADLINE).until(() -> zeroWithTwo[0].received("partnerLeft") == 1
        && oneWithTwo[0].received("partnerLeft") == 1);
    assertSurvivorsAreCleanAndMatching(zeroWithTwo[0], oneWithTwo[0], zeroWithOne);
  }

  @Test
  void stoppedNodesPartnersHearPartnerLeftOnceAndItsSessionsAreGone() throws Exception {
    cluster = NodeFixture.start(3);
    ChatClient[] zeroWithTwo = pair(0, 2);
    ChatClient[] oneWithTwo = pair(1, 2);
    ChatClient[] zeroWithOne = pair(0, 1);

    cluster.stop(2);

    await().atMost(GRACEFUL_DEADLINE).until(() -> zeroWithTwo[0].received("partnerLeft") == 1
        && oneWithTwo[0].received("partnerLeft") == 1);
    assertSurvivorsAreCleanAndMatching(zeroWithTwo[0], oneWithTwo[0], zeroWithOne);
  }

  @Test
  void killedNodesPairWhoseSessionRecordIsAlreadyGoneIsEndedOnceBySurvivors() throws Exception {
    cluster = NodeFixture.start(2);
    ChatClient[] zeroWithOne = pair(0, 1);
    strandPairOf(zeroWithOne[1]);

    cluster.kill(1);

    assertStrandedPartnerHearsPartnerLeftOnce(zeroWithOne[0], PARTNER_LEFT_DEADLINE);
  }

  @Test
  void stoppedNodesPairWhoseSessionRecordIsAlreadyGoneIsEndedOnceBySurvivors() throws Exception {
    cluster = NodeFixture.start(2);
    ChatClient[] zeroWithOne = pair(0, 1);
    strandPairOf(zeroWithOne[1]);

    cluster.stop(1);

    assertStrandedPartnerHearsPartnerLeftOnce(zeroWithOne[0], GRACEFUL_DEADLINE);
  }

  @Test
  void killedNodesSocketsLeaveTheOnlineCountAlthoughTheyNeverAskedForAChat() throws Exception {
    cluster = NodeFixture.start(2);
    ChatClient survivor = client(0);
    client(1);
    client(1);
    survivor.awaitOnlineUsers(3);

    cluster.kill(1);

    survivor.awaitOnlineUsers(1);
  }

  /** What a drain whose settle step timed out leaves: the session record removed, its pair record kept. */
  private void strandPairOf(ChatClient member) throws Exception {
    cluster.state().closeSession(member.id()).toCompletableFuture().get(5, TimeUnit.SECONDS);
    assertThat(cluster.state().sizes().pairs()).isEqualTo(1);
  }

  private void assertStrandedPartnerHearsPartnerLeftOnce(ChatClient partner, Duration deadline) throws Exception {
    await().atMost(deadline).until(() -> partner.received("partnerLeft") == 1);
    await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
      assertThat(cluster.state().sizes().pairs()).isZero();
      assertThat(cluster.state().sizes().sessions()).isEqualTo(1);
    });
    assertThat(partner.request("findChat", "again@example.com", false).getBoolean("ok")).isTrue();
    await().atMost(Duration.ofSeconds(5)).until(() -> cluster.state().sizes().waiting() == 1);
    assertThat(partner.received("partnerLeft")).isEqualTo(1);
  }

  private void assertSurvivorsAreCleanAndMatching(ChatClient leftAlone, ChatClient alsoLeftAlone,
      ChatClient[] untouched) throws Exception {
    await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
      assertThat(cluster.state().sizes().sessions()).isEqualTo(4);
      assertThat(cluster.state().sizes().pairs()).isEqualTo(1);
      assertThat(cluster.state().sizes().waiting()).isZero();
    });
    untouched[0].emit("sendMessage", "still here");
    assertThat(untouched[1].nextObject("message").getString("text")).isEqualTo("still here");
    assertThat(leftAlone.request("findChat", "again@example.com", false).getBoolean("ok")).isTrue();
    assertThat(alsoLeftAlone.request("findChat", "again@example.com", false).getBoolean("ok")).isTrue();
    assertThat(leftAlone.nextObject("chatStart").getString("partnerId")).isEqualTo(alsoLeftAlone.id());
    assertThat(leftAlone.received("partnerLeft")).isEqualTo(1);
    assertThat(alsoLeftAlone.received("partnerLeft")).isEqualTo(1);
  }

  private ChatClient client(int node) throws Exception {
    ChatClient client = ChatClient.connect(cluster.url(node), ChatClient.WEBSOCKET_ONLY, Map.of());
    clients.add(client);
    return client;
  }

  /** A pair with its first member on one node and its second on another; the first is returned first. */
  private ChatClient[] pair(int firstNode, int secondNode) throws Exception {
    ChatClient first = client(firstNode);
    ChatClient second = client(secondNode);
    assertThat(first.request("findChat", "f@example.com", true).getBoolean("ok")).isTrue();
    assertThat(second.request("findChat", "s@example.com", true).getBoolean("ok")).isTrue();
    first.next("chatStart");
    second.next("chatStart");
    return new ChatClient[] {first, second};
  }
}
