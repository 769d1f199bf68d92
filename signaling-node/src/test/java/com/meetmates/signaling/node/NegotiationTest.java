package com.meetmates.signaling.node;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The negotiation rule with both members on one node. */
class NegotiationTest extends NegotiationSpec {

  @RegisterExtension
  static final NodeFixture node = NodeFixture.forClass(1);

  @Override
  protected NodeFixture node() {
    return node;
  }
}
