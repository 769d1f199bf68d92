package com.meetmates.signaling.cluster;

import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the chat maps hold, read through any Hazelcast instance: a member, or a client that looks at a cluster
 * of node processes without joining it. The record types stay package-private; tests get plain values.
 *
 * @param sessions socket id to the node that owns its socket
 * @param pairs every pair record
 * @param waiting every queue entry, video queue first
 */
public record ChatStateContents(Map<String, String> sessions, List<PairView> pairs, List<WaitingView> waiting) {

  /** A pair as stored: both members and their nodes. */
  public record PairView(String pairId, String initiatorId, String initiatorNode, String partnerId,
      String partnerNode) {

    public boolean involves(String socketId) {
      return initiatorId.equals(socketId) || partnerId.equals(socketId);
    }

    public boolean touches(String nodeId) {
      return initiatorNode.equals(nodeId) || partnerNode.equals(nodeId);
    }

    public Set<String> members() {
      return Set.of(initiatorId, partnerId);
    }
  }

  /** A queue entry as stored. */
  public record WaitingView(String socketId, String nodeId) {
  }

  /** Lets a Hazelcast client read the chat maps' values (the members register the same factory). */
  public static ClientConfig registerSerialization(ClientConfig config) {
    config.getSerializationConfig().addDataSerializableFactory(ChatSerialization.FACTORY_ID, new ChatSerialization());
    return config;
  }

  /** The Vert.x node id a member published, the id the chat maps record for each session. */
  public static String nodeIdOf(Member member) {
    return member.getAttribute(LostMemberWatcher.VERTX_NODE_ID);
  }

  /** Reads the maps of the chat under the default prefix, the one every node uses. Blocking. */
  public static ChatStateContents read(HazelcastInstance hazelcast) {
    String prefix = HazelcastChatState.DEFAULT_PREFIX;
    Map<String, SessionRecord> sessions = Map.copyOf(hazelcast.<String, SessionRecord>getMap(prefix + "sessions"));
    Map<String, PairRecord> pairs = Map.copyOf(hazelcast.<String, PairRecord>getMap(prefix + "pairs"));
    Lobby lobby = hazelcast.<String, Lobby>getMap(prefix + "lobby").get(Lobby.KEY);
    return new ChatStateContents(
        sessions.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> e.getValue().nodeId)),
        pairs.values().stream().map(p -> new PairView(p.pairId, p.initiatorId, p.initiatorNode, p.partnerId,
            p.partnerNode)).toList(),
        lobby == null ? List.of() : Stream.concat(lobby.video.stream(), lobby.text.stream())
            .map(entry -> new WaitingView(entry.socketId, entry.nodeId)).toList());
  }

  /** Sessions owned by the node. */
  public Set<String> sessionsOn(String nodeId) {
    return sessions.entrySet().stream().filter(e -> e.getValue().equals(nodeId)).map(Map.Entry::getKey)
        .collect(Collectors.toUnmodifiableSet());
  }

  /** Pairs with a member on the node. */
  public List<PairView> pairsTouching(String nodeId) {
    return pairs.stream().filter(pair -> pair.touches(nodeId)).toList();
  }

  /** Queue entries of the node's users. */
  public List<WaitingView> waitingOn(String nodeId) {
    return waiting.stream().filter(entry -> entry.nodeId().equals(nodeId)).toList();
  }

  /** The member sets of every pair. */
  public Set<Set<String>> pairedMembers() {
    return pairs.stream().map(PairView::members).collect(Collectors.toUnmodifiableSet());
  }
}
