package com.meetmates.signaling.cluster;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.meetmates.signaling.chat.ChatState.Readiness;
import com.meetmates.signaling.chat.Pair;
import java.io.IOException;
import java.util.Map;

/** A pair in the shared state: both members, their nodes, and both WebRTC ready flags. */
final class PairRecord implements ChatSerializable {

  /** Attribute names for queries by node. */
  static final String INITIATOR_NODE = "initiatorNode";
  static final String PARTNER_NODE = "partnerNode";

  String pairId;
  String initiatorId;
  String initiatorNode;
  String partnerId;
  String partnerNode;
  boolean withVideo;
  boolean initiatorReady;
  boolean partnerReady;

  PairRecord() {
  }

  static PairRecord of(Pair pair) {
    PairRecord record = new PairRecord();
    record.pairId = pair.pairId();
    record.initiatorId = pair.initiatorId();
    record.initiatorNode = pair.initiatorNode();
    record.partnerId = pair.partnerId();
    record.partnerNode = pair.partnerNode();
    record.withVideo = pair.withVideo();
    return record;
  }

  Pair toPair() {
    return new Pair(pairId, initiatorId, initiatorNode, partnerId, partnerNode, withVideo);
  }

  @Override
  public int getClassId() {
    return ChatSerialization.PAIR_RECORD;
  }

  @Override
  public void writeData(ObjectDataOutput out) throws IOException {
    out.writeString(pairId);
    out.writeString(initiatorId);
    out.writeString(initiatorNode);
    out.writeString(partnerId);
    out.writeString(partnerNode);
    out.writeBoolean(withVideo);
    out.writeBoolean(initiatorReady);
    out.writeBoolean(partnerReady);
  }

  @Override
  public void readData(ObjectDataInput in) throws IOException {
    pairId = in.readString();
    initiatorId = in.readString();
    initiatorNode = in.readString();
    partnerId = in.readString();
    partnerNode = in.readString();
    withVideo = in.readBoolean();
    initiatorReady = in.readBoolean();
    partnerReady = in.readBoolean();
  }

  /**
   * Sets one member's ready flag. Runs on the pair's partition one call at a time, so exactly one call sees
   * both flags turn true, whichever member was last and whichever nodes they are on.
   */
  static final class MarkReady extends OneArgumentProcessor<PairRecord, Integer> {

    MarkReady() {
      this(null);
    }

    MarkReady(String memberId) {
      super(ChatSerialization.MARK_READY, memberId);
    }

    @Override
    public Integer process(Map.Entry<String, PairRecord> entry) {
      PairRecord pair = entry.getValue();
      if (pair == null) {
        return Readiness.NOT_PAIRED.ordinal();
      }
      boolean initiator = argument.equals(pair.initiatorId);
      if (!initiator && !argument.equals(pair.partnerId)) {
        return Readiness.NOT_PAIRED.ordinal();
      }
      if (initiator ? pair.initiatorReady : pair.partnerReady) {
        return Readiness.REPEATED.ordinal();
      }
      if (initiator) {
        pair.initiatorReady = true;
      } else {
        pair.partnerReady = true;
      }
      entry.setValue(pair);
      return (pair.initiatorReady && pair.partnerReady ? Readiness.BOTH_READY : Readiness.WAITING_FOR_PARTNER)
          .ordinal();
    }
  }

  /**
   * Removes the pair if a member is on the node (the argument is its id), returning it. Runs on the pair's
   * partition, so a pair a member is removing at the same moment goes to exactly one of them.
   */
  static final class RemoveIfOnNode extends OneArgumentProcessor<PairRecord, PairRecord> {

    RemoveIfOnNode() {
      this(null);
    }

    RemoveIfOnNode(String nodeId) {
      super(ChatSerialization.REMOVE_PAIR_IF_ON_NODE, nodeId);
    }

    @Override
    public PairRecord process(Map.Entry<String, PairRecord> entry) {
      PairRecord pair = entry.getValue();
      if (pair == null || !(argument.equals(pair.initiatorNode) || argument.equals(pair.partnerNode))) {
        return null;
      }
      entry.setValue(null);
      return pair;
    }
  }
}
