package com.meetmates.signaling.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.meetmates.signaling.e2e.Chromium.Camera;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real people's view of the cluster: headless Chromium pages with a synthetic camera, each on the
 * demo page of one of two clustered nodes, chatting through the real socket.io-client 4.8.
 */
class BrowserChatAcrossTwoNodesTest {

  private static TwoNodeCluster cluster;
  private final List<ChatPage> pages = new ArrayList<>();

  @BeforeAll
  static void startCluster() throws Exception {
    cluster = TwoNodeCluster.start();
  }

  @AfterAll
  static void stopCluster() throws Exception {
    cluster.close();
  }

  /** The next test's pages must meet each other, not someone this test left in the queue. */
  @AfterEach
  void closePages() {
    pages.forEach(ChatPage::close);
    cluster.awaitNobodyLeft();
  }

  @Test
  void pagesOnDifferentNodesStartAVideoChatAndPlayEachOthersCamera() {
    ChatPage alice = open("alice", cluster.nodeA(), Camera.ALLOWED);
    ChatPage bob = open("bob", cluster.nodeB(), Camera.ALLOWED);

    alice.startVideoChat();
    alice.awaitMode("waiting");
    bob.startVideoChat();

    assertMatched(alice, bob);
    assertThat(alice.showsVideoLayout()).isTrue();
    assertThat(bob.showsVideoLayout()).isTrue();
    ChatPage.RemoteVideo aliceSees = alice.awaitPlayingRemoteVideo();
    ChatPage.RemoteVideo bobSees = bob.awaitPlayingRemoteVideo();
    assertThat(aliceSees.width()).isPositive();
    assertThat(bobSees.width()).isPositive();
    assertThat(aliceSees.paused()).isFalse();
    assertThat(bobSees.paused()).isFalse();
    alice.waitUntil("it shows the call as connected", () -> "connected".equals(alice.callBadge()));
    bob.waitUntil("it shows the call as connected", () -> "connected".equals(bob.callBadge()));
  }

  /** Also keeps a screenshot of both pages in the live call with the test output. */
  @Test
  void textMessageTypedInOnePageAppearsInTheOtherDuringAVideoCall() {
    ChatPage alice = open("alice", cluster.nodeA(), Camera.ALLOWED);
    ChatPage bob = open("bob", cluster.nodeB(), Camera.ALLOWED);
    alice.startVideoChat();
    alice.awaitMode("waiting");
    bob.startVideoChat();
    assertMatched(alice, bob);

    alice.type("Hello from node A!");
    bob.awaitMessage("Hello from node A!");
    bob.type("Hi! Node B here, I can see you.");
    alice.awaitMessage("Hi! Node B here, I can see you.");

    assertThat(alice.messageTexts()).containsExactly("Hello from node A!", "Hi! Node B here, I can see you.");
    assertThat(bob.messageTexts()).containsExactly("Hello from node A!", "Hi! Node B here, I can see you.");

    alice.awaitPlayingRemoteVideo();
    bob.awaitPlayingRemoteVideo();
    byte[] aliceShot = alice.screenshotPng();
    byte[] bobShot = bob.screenshotPng();
    Screenshots.save("call-node-a.png", aliceShot);
    Screenshots.save("call-node-b.png", bobShot);
    Path both = Screenshots.saveSideBySide("call-both-nodes.png", List.of(aliceShot, bobShot));
    assertThat(Screenshots.decode(aliceShot).getWidth()).isEqualTo(ChatPage.WIDTH);
    assertThat(both).isRegularFile();
  }

  @Test
  void nextShowsThePartnerLeftAndBothFindNewPartnersWhenTwoMorePeopleJoin() {
    ChatPage alice = open("alice", cluster.nodeA(), Camera.ALLOWED);
    ChatPage bob = open("bob", cluster.nodeB(), Camera.ALLOWED);
    alice.startVideoChat();
    alice.awaitMode("waiting");
    bob.startVideoChat();
    assertMatched(alice, bob);
    alice.awaitPlayingRemoteVideo();

    ChatPage carol = open("carol", cluster.nodeA(), Camera.ALLOWED);
    carol.startVideoChat();
    carol.awaitMode("waiting");
    alice.clickNext();

    bob.awaitNotice("partner-left");
    ChatPage dave = open("dave", cluster.nodeB(), Camera.ALLOWED);
    dave.startVideoChat();

    Set<String> newcomers = Set.of(carol.selfId(), dave.selfId());
    for (ChatPage page : List.of(alice, bob)) {
      page.waitUntil("it chats with a newcomer", () -> newcomers.contains(page.partnerId()));
    }
    ChatPage alicesPartner = alice.partnerId().equals(carol.selfId()) ? carol : dave;
    ChatPage bobsPartner = alicesPartner == carol ? dave : carol;
    assertMatched(alice, alicesPartner);
    assertMatched(bob, bobsPartner);
    for (ChatPage page : List.of(alice, bob, carol, dave)) {
      page.awaitPlayingRemoteVideo();
    }
  }

  @Test
  void pageThatRefusesTheCameraStillGetsATextChat() {
    ChatPage shy = open("shy", cluster.nodeA(), Camera.REFUSED);
    ChatPage typist = open("typist", cluster.nodeB(), Camera.ALLOWED);

    shy.startVideoChat();
    shy.awaitNotice("camera-refused");
    shy.awaitMode("waiting");
    typist.startTextChat();

    assertMatched(shy, typist);
    assertThat(shy.showsVideoLayout()).isFalse();
    assertThat(typist.showsVideoLayout()).isFalse();
    shy.type("No camera, but I can type");
    typist.awaitMessage("No camera, but I can type");
  }

  private ChatPage open(String name, URI node, Camera camera) {
    ChatPage page = ChatPage.open(name, node, camera);
    pages.add(page);
    return page;
  }

  private static void assertMatched(ChatPage one, ChatPage other) {
    one.awaitMode("chatting");
    other.awaitMode("chatting");
    assertThat(one.partnerId()).as("%s's partner", one.name()).isEqualTo(other.selfId());
    assertThat(other.partnerId()).as("%s's partner", other.name()).isEqualTo(one.selfId());
  }
}
