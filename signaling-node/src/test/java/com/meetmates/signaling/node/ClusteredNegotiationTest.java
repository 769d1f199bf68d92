package com.meetmates.signaling.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The negotiation rule with the two members of each pair on different nodes of a three-member cluster. */
class ClusteredNegotiationTest extends NegotiationSpec {

  private static final int SIMULTANEOUS_RUNS = 200;

  // 200 negotiations from one pair of sockets go far beyond a user's event rate.
  @RegisterExtension
  static final NodeFixture node = NodeFixture.forClass(3, Map.of(NodeConfig.RATE_LIMIT_PER_SECOND, "0"));

  @Override
  protected NodeFixture node() {
    return node;
  }

  @Test
  void simultaneousAnnouncementsOnTwoNodesGiveExactlyOneCreateOfferEveryTime() throws Exception {
    ChatClient[] byId = connectedPairOrderedById();

    for (int run = 0; run < SIMULTANEOUS_RUNS; run++) {
      startChat(byId[0], byId[1]);

      byId[0].emit("ready-to-connect");
      byId[1].emit("ready-to-connect");

      byId[0].next("create-offer");
      exchangeMessages(byId[0], byId[1]);
      assertThat(byId[0].received("create-offer")).isEqualTo(run + 1);
      assertThat(byId[1].received("create-offer")).isZero();
      assertThat(byId[0].request("findChat", "again@example.com", true).getBoolean("ok")).isTrue();
      byId[1].next("partnerLeft");
    }
  }
}
