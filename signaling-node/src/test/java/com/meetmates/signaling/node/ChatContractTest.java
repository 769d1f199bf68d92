package com.meetmates.signaling.node;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The client contract on one node. */
class ChatContractTest extends ChatContractSpec {

  @BeforeAll
  static void startNode() throws Exception {
    node = NodeFixture.start(1);
  }

  @Test
  void newSocketIsToldTheOnlineCountAtOnce() throws Exception {
    ChatClient first = client();
    ChatClient second = client();

    assertThat(first.next("onlineUsers")[0]).isEqualTo(1);
    assertThat(second.next("onlineUsers")[0]).isEqualTo(2);
  }
}
