package com.meetmates.signaling.node;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The client contract across a three-member cluster: consecutive clients of a test are on different nodes. */
class ClusteredChatContractTest extends ChatContractSpec {

  @BeforeAll
  static void startCluster() throws Exception {
    node = NodeFixture.start(3);
  }

  @Test
  void onlineCountIsTheClusterWideCountOnEveryNode() throws Exception {
    ChatClient onFirst = client();
    ChatClient onSecond = client();
    ChatClient onThird = client();

    for (ChatClient client : new ChatClient[] {onFirst, onSecond, onThird}) {
      client.awaitOnlineUsers(3);
    }
    onThird.close();
    onFirst.awaitOnlineUsers(2);
    onSecond.awaitOnlineUsers(2);
  }
}
