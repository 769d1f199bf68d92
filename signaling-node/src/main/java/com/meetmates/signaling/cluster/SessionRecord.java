package com.meetmates.signaling.cluster;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import java.io.IOException;

/**
 * A connected user in the shared state: its node, its preference, the ticket of its latest stay in the queue,
 * and the pair a matcher bound it to. Binding clears the ticket, so a waiting user is bound once; a user that
 * took its partner from the queue itself keeps its spent ticket (no queue entry carries it) and knows its pair
 * locally. A pair named here may be gone since: only the node of the session acts on it.
 */
final class SessionRecord implements ChatSerializable {

  static final long NOT_WAITING = 0;
  /** Attribute name for queries by node. */
  static final String NODE_ID = "nodeId";

  String nodeId;
  boolean withVideo;
  long ticket = NOT_WAITING;
  String pairId;

  SessionRecord() {
  }

  SessionRecord(String nodeId) {
    this.nodeId = nodeId;
  }

  boolean waiting() {
    return ticket != NOT_WAITING;
  }

  @Override
  public int getClassId() {
    return ChatSerialization.SESSION_RECORD;
  }

  @Override
  public void writeData(ObjectDataOutput out) throws IOException {
    out.writeString(nodeId);
    out.writeBoolean(withVideo);
    out.writeLong(ticket);
    out.writeString(pairId);
  }

  @Override
  public void readData(ObjectDataInput in) throws IOException {
    nodeId = in.readString();
    withVideo = in.readBoolean();
    ticket = in.readLong();
    pairId = in.readString();
  }
}
