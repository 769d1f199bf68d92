package com.meetmates.signaling.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.meetmates.signaling.e2e.Chromium.Camera;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a person sees when the node their page talks to goes away and comes back. */
class ServerConnectionInTheBrowserTest {

  private RestartableNode node;
  private ChatPage page;

  @BeforeEach
  void startNode() throws Exception {
    node = RestartableNode.start();
  }

  @AfterEach
  void stop() throws Exception {
    if (page != null) {
      page.close();
    }
    node.close();
  }

  @Test
  void pageSaysTheConnectionIsLostThenRejoinsTheQueueWhenTheNodeIsBack() throws Exception {
    page = ChatPage.open("traveller", node.url(), Camera.ALLOWED);
    page.startTextChat();
    page.awaitMode("waiting");

    node.stopServing();
    page.awaitMode("offline");
    page.awaitNotice("connection-lost");
    assertThat(page.connectionBanner()).isIn("lost", "reconnecting");

    node.serveAgain();
    page.awaitNotice("reconnected");
    page.awaitMode("waiting");
    page.waitUntil("it says it is reconnected", () -> "restored".equals(page.connectionBanner()));
  }
}
