package com.meetmates.signaling.node;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The client contract across a three-member cluster: consecutive clients of a test are on different nodes. */
class ClusteredChatContractTest extends ChatContractSpec {

  @RegisterExtension
  static final NodeFixture node = NodeFixture.forClass(3);

  @Override
  protected NodeFixture node() {
    return node;
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
