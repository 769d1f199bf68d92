package com.meetmates.signaling.cluster;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.meetmates.signaling.chat.WaitingEntry;
import java.io.IOException;

/** Serialized form of a {@link WaitingEntry}. */
final class QueueEntry implements ChatSerializable {

  String socketId;
  String nodeId;
  boolean withVideo;
  long ticket;

  QueueEntry() {
  }

  static QueueEntry of(WaitingEntry entry) {
    QueueEntry queued = new QueueEntry();
    queued.socketId = entry.socketId();
    queued.nodeId = entry.nodeId();
    queued.withVideo = entry.withVideo();
    queued.ticket = entry.ticket();
    return queued;
  }

  WaitingEntry toEntry() {
    return new WaitingEntry(socketId, nodeId, withVideo, ticket);
  }

  @Override
  public int getClassId() {
    return ChatSerialization.QUEUE_ENTRY;
  }

  @Override
  public void writeData(ObjectDataOutput out) throws IOException {
    out.writeString(socketId);
    out.writeString(nodeId);
    out.writeBoolean(withVideo);
    out.writeLong(ticket);
  }

  @Override
  public void readData(ObjectDataInput in) throws IOException {
    socketId = in.readString();
    nodeId = in.readString();
    withVideo = in.readBoolean();
    ticket = in.readLong();
  }
}
