package com.meetmates.signaling.cluster;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Tells this node when another member leaves the cluster, by its Vert.x node id. A gracefully stopped node
 * has already ended its sessions; for a killed one the survivors must.
 */
public final class LostMemberWatcher implements MembershipListener {

  /** The member attribute in which vertx-hazelcast publishes each member's Vert.x node id. */
  static final String VERTX_NODE_ID = "__vertx.nodeId";

  private final Consumer<String> onLost;

  private LostMemberWatcher(Consumer<String> onLost) {
    this.onLost = onLost;
  }

  /** Starts watching; returns the registration to remove on stop. */
  public static UUID watch(HazelcastInstance hazelcast, Consumer<String> onLost) {
    return hazelcast.getCluster().addMembershipListener(new LostMemberWatcher(onLost));
  }

  @Override
  public void memberAdded(MembershipEvent event) {
  }

  @Override
  public void memberRemoved(MembershipEvent event) {
    String nodeId = event.getMember().getAttribute(VERTX_NODE_ID);
    onLost.accept(nodeId != null ? nodeId : event.getMember().getUuid().toString());
  }
}
