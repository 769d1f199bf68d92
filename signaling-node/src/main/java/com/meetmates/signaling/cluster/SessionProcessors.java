package com.meetmates.signaling.cluster;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import java.io.IOException;
import java.util.Map;

/** Atomic single-key changes of a session record, run on the partition that owns it. */
final class SessionProcessors {

  private SessionProcessors() {
  }

  /**
   * Puts the session in the queue with a new ticket and no pair, creating its record on the first call; returns
   * the record as it was (null if there was none).
   */
  static final class StartWaiting
      implements EntryProcessor<String, SessionRecord, SessionRecord>, ChatSerializable {

    private String nodeId;
    private long ticket;
    private boolean withVideo;
    private boolean keepIfWaiting;

    StartWaiting() {
    }

    StartWaiting(String nodeId, long ticket, boolean withVideo, boolean keepIfWaiting) {
      this.nodeId = nodeId;
      this.ticket = ticket;
      this.withVideo = withVideo;
      this.keepIfWaiting = keepIfWaiting;
    }

    @Override
    public SessionRecord process(Map.Entry<String, SessionRecord> entry) {
      SessionRecord record = entry.getValue();
      SessionRecord before = record == null ? null : copy(record);
      if (record == null) {
        record = new SessionRecord(nodeId);
      }
      if (!(keepIfWaiting && record.waiting())) {
        record.ticket = ticket;
        record.withVideo = withVideo;
        record.pairId = null;
        entry.setValue(record);
      }
      return before;
    }

    private static SessionRecord copy(SessionRecord record) {
      SessionRecord copy = new SessionRecord(record.nodeId);
      copy.withVideo = record.withVideo;
      copy.ticket = record.ticket;
      copy.pairId = record.pairId;
      return copy;
    }

    @Override
    public int getClassId() {
      return ChatSerialization.START_WAITING;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
      out.writeString(nodeId);
      out.writeLong(ticket);
      out.writeBoolean(withVideo);
      out.writeBoolean(keepIfWaiting);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
      nodeId = in.readString();
      ticket = in.readLong();
      withVideo = in.readBoolean();
      keepIfWaiting = in.readBoolean();
    }
  }

  /** Binds a waiting session to a pair if it still waits with the ticket the matcher took from the queue. */
  static final class Attach implements EntryProcessor<String, SessionRecord, Boolean>, ChatSerializable {

    private String pairId;
    private long ticket;

    Attach() {
    }

    Attach(String pairId, long ticket) {
      this.pairId = pairId;
      this.ticket = ticket;
    }

    @Override
    public Boolean process(Map.Entry<String, SessionRecord> entry) {
      SessionRecord record = entry.getValue();
      if (record == null || record.ticket != ticket) {
        return false;
      }
      record.ticket = SessionRecord.NOT_WAITING;
      record.pairId = pairId;
      entry.setValue(record);
      return true;
    }

    @Override
    public int getClassId() {
      return ChatSerialization.ATTACH;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
      out.writeString(pairId);
      out.writeLong(ticket);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
      pairId = in.readString();
      ticket = in.readLong();
    }
  }
}
