package com.meetmates.signaling.node;

import org.junit.jupiter.api.BeforeAll;

/** The negotiation rule with both members on one node. */
class NegotiationTest extends NegotiationSpec {

  @BeforeAll
  static void startNode() throws Exception {
    node = NodeFixture.start(1);
  }
}
