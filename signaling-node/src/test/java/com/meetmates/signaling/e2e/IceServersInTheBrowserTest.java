package com.meetmates.signaling.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.meetmates.signaling.e2e.Chromium.Camera;
import com.meetmates.signaling.node.NodeConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The page takes its STUN/TURN servers from the node's configuration, not from constants of its own. */
class IceServersInTheBrowserTest {

  /** Nothing listens there: the call still connects over loopback host candidates. */
  private static final String CONFIGURED_STUN = "stun:127.0.0.1:46198";
  private static final String CONFIGURED_TURN = "turn:127.0.0.1:46197?transport=tcp";
  private static final String ICE_SERVERS = "[{\"urls\":\"" + CONFIGURED_STUN + "\"},"
      + "{\"urls\":[\"" + CONFIGURED_TURN + "\"],\"username\":\"meetmates\",\"credential\":\"secret\"}]";

  private RestartableNode node;
  private final List<ChatPage> pages = new ArrayList<>();

  @BeforeEach
  void startNode() throws Exception {
    node = RestartableNode.start(Map.of(NodeConfig.ICE_SERVERS, ICE_SERVERS));
  }

  @AfterEach
  void stop() throws Exception {
    pages.forEach(ChatPage::close);
    node.close();
  }

  @Test
  void callIsBuiltWithTheIceServersTheNodeIsConfiguredWith() {
    ChatPage alice = open("alice");
    ChatPage bob = open("bob");
    alice.startVideoChat();
    alice.awaitMode("waiting");
    bob.startVideoChat();
    alice.awaitMode("chatting");
    bob.awaitMode("chatting");

    for (ChatPage page : pages) {
      page.waitUntil("it has built its call", () -> !"none".equals(page.peerConnectionState()));
      assertThat(page.iceServerUrls()).as(page.name()).containsExactly(CONFIGURED_STUN, CONFIGURED_TURN);
      page.awaitPlayingRemoteVideo();
    }
  }

  private ChatPage open(String name) {
    ChatPage page = ChatPage.open(name, node.url(), Camera.ALLOWED);
    pages.add(page);
    return page;
  }
}
