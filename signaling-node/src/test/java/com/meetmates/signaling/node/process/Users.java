package com.meetmates.signaling.node.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The users of one test: connects them, pairs them, and closes every one at the end. */
final class Users implements AutoCloseable {

  private static final Duration AWAIT = Duration.ofSeconds(ChatUser.AWAIT_SECONDS);

  private final List<ChatUser> all = new ArrayList<>();

  /** A user connected straight to the node at the URL. */
  ChatUser connect(String nodeUrl) throws Exception {
    ChatUser user = ChatUser.open(nodeUrl);
    all.add(user);
    user.awaitConnected();
    return user;
  }

  /**
   * The two users call findChat, first then second, and must be paired with each other. The queue must be
   * empty before: the first one waits, the second one takes it.
   */
  static void pair(ChatUser first, ChatUser second) throws Exception {
    int firstStarts = first.count("chatStart");
    int secondStarts = second.count("chatStart");
    first.findChat();
    second.findChat();
    await().atMost(AWAIT).untilAsserted(() -> {
      assertThat(first.count("chatStart")).as("chatStarts of %s", first).isEqualTo(firstStarts + 1);
      assertThat(second.count("chatStart")).as("chatStarts of %s", second).isEqualTo(secondStarts + 1);
    });
    assertThat(first.partner()).as("partner of %s", first).isEqualTo(second.id());
    assertThat(second.partner()).as("partner of %s", second).isEqualTo(first.id());
  }

  @Override
  public void close() {
    all.forEach(ChatUser::close);
  }
}
