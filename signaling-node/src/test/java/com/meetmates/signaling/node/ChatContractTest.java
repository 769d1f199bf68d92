package com.meetmates.signaling.node;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The client contract on one node. */
class ChatContractTest extends ChatContractSpec {

  @RegisterExtension
  static final NodeFixture node = NodeFixture.forClass(1);

  @Override
  protected NodeFixture node() {
    return node;
  }

  @Test
  void newSocketIsToldTheOnlineCountAtOnce() throws Exception {
    ChatClient first = client();
    ChatClient second = client();

    assertThat(first.next("onlineUsers")[0]).isEqualTo(1);
    assertThat(second.next("onlineUsers")[0]).isEqualTo(2);
  }
}
