package com.meetmates.signaling.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The per-socket token bucket: a burst passes, the excess is dropped with an error, sustained abuse disconnects. */
class RateLimitTest {

  private static final int PER_SECOND = 1;
  private static final int BURST = 5;
  private static final int DISCONNECT_AFTER_DROPS = 20;

  @RegisterExtension
  static final NodeFixture node = NodeFixture.forClass(1, Map.of(
      NodeConfig.RATE_LIMIT_PER_SECOND, String.valueOf(PER_SECOND),
      NodeConfig.RATE_LIMIT_BURST, String.valueOf(BURST),
      NodeConfig.RATE_LIMIT_DISCONNECT_DROPS, String.valueOf(DISCONNECT_AFTER_DROPS)));

  @Test
  void eventsBeyondTheBurstAreDroppedWithAnErrorAndTheSocketStaysConnected() throws Exception {
    try (ChatClient client = ChatClient.connect(node.url())) {
      for (int i = 0; i < BURST; i++) {
        assertThat(client.request("sendMessage", "m" + i).getJSONObject("error").getString("code"))
            .isEqualTo("NOT_PAIRED");
      }

      JSONObject dropped = client.request("sendMessage", "one too many");

      assertThat(dropped.getJSONObject("error").getString("code")).isEqualTo("RATE_LIMITED");
      assertThat(((JSONObject) client.next("error")[1]).getString("code")).isEqualTo("RATE_LIMITED");
      assertThat(node.node(0).chat().localSessions()).isEqualTo(1);
    }
  }

  @Test
  void sustainedAbuseDisconnectsTheSocket() throws Exception {
    try (ChatClient abuser = ChatClient.connect(node.url(), ChatClient.WEBSOCKET_ONLY, Map.of())) {
      for (int i = 0; i < BURST + DISCONNECT_AFTER_DROPS; i++) {
        abuser.emit("sendMessage", "flood " + i);
      }

      abuser.next("disconnect");
      assertThat(abuser.received("error")).isEqualTo(DISCONNECT_AFTER_DROPS - 1);
      await().atMost(Duration.ofSeconds(20)).until(() -> node.node(0).chat().localSessions() == 0);
      assertThat(node.node(0).chat().counters().abuseDisconnects()).isEqualTo(1);
    }
  }
}
