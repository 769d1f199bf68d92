package com.meetmates.signaling.cluster;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Both waiting queues, stored under ONE key so that taking a partner and queueing oneself is a single
 * atomic step on one partition: two users arriving at once can never both queue while the other waits,
 * and one waiting user is never given to two. The entry disappears when both queues are empty.
 */
final class Lobby implements ChatSerializable {

  static final String KEY = "lobby";

  final List<QueueEntry> video = new ArrayList<>();
  final List<QueueEntry> text = new ArrayList<>();

  int size() {
    return video.size() + text.size();
  }

  private List<QueueEntry> queueOf(boolean withVideo) {
    return withVideo ? video : text;
  }

  boolean remove(Predicate<QueueEntry> which) {
    return video.removeIf(which) | text.removeIf(which);
  }

  /** Same preference first, then the other one; first come, first served within each. */
  QueueEntry takePartnerFor(QueueEntry arriving) {
    List<QueueEntry> same = queueOf(arriving.withVideo);
    if (!same.isEmpty()) {
      return same.remove(0);
    }
    List<QueueEntry> other = queueOf(!arriving.withVideo);
    return other.isEmpty() ? null : other.remove(0);
  }

  void append(QueueEntry entry) {
    queueOf(entry.withVideo).add(entry);
  }

  private static void store(Map.Entry<String, Lobby> entry, Lobby lobby) {
    entry.setValue(lobby.size() == 0 ? null : lobby);
  }

  /** Removes the matching entries of a stored lobby; stores it back only if something was removed. */
  private static void removeIf(Map.Entry<String, Lobby> entry, Predicate<QueueEntry> which) {
    Lobby lobby = entry.getValue();
    if (lobby != null && lobby.remove(which)) {
      store(entry, lobby);
    }
  }

  private static Lobby of(Map.Entry<String, Lobby> entry) {
    return entry.getValue() == null ? new Lobby() : entry.getValue();
  }

  @Override
  public int getClassId() {
    return ChatSerialization.LOBBY;
  }

  @Override
  public void writeData(ObjectDataOutput out) throws IOException {
    writeQueue(out, video);
    writeQueue(out, text);
  }

  @Override
  public void readData(ObjectDataInput in) throws IOException {
    readQueue(in, video);
    readQueue(in, text);
  }

  private static void writeQueue(ObjectDataOutput out, List<QueueEntry> queue) throws IOException {
    out.writeInt(queue.size());
    for (QueueEntry entry : queue) {
      entry.writeData(out);
    }
  }

  private static void readQueue(ObjectDataInput in, List<QueueEntry> queue) throws IOException {
    int size = in.readInt();
    for (int i = 0; i < size; i++) {
      QueueEntry entry = new QueueEntry();
      entry.readData(in);
      queue.add(entry);
    }
  }

  /** Drops the user's old entry, then takes its partner or queues it; returns the partner or null. */
  static final class EnqueueOrMatch implements EntryProcessor<String, Lobby, QueueEntry>, ChatSerializable {

    private QueueEntry arriving;

    EnqueueOrMatch() {
    }

    EnqueueOrMatch(QueueEntry arriving) {
      this.arriving = arriving;
    }

    @Override
    public QueueEntry process(Map.Entry<String, Lobby> entry) {
      Lobby lobby = of(entry);
      lobby.remove(queued -> queued.socketId.equals(arriving.socketId));
      QueueEntry partner = lobby.takePartnerFor(arriving);
      if (partner == null) {
        lobby.append(arriving);
      }
      store(entry, lobby);
      return partner;
    }

    @Override
    public int getClassId() {
      return ChatSerialization.ENQUEUE_OR_MATCH;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
      arriving.writeData(out);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
      arriving = new QueueEntry();
      arriving.readData(in);
    }
  }

  /** Removes a user (the argument is its socket id) from whichever queue holds it. */
  static final class Leave extends OneArgumentProcessor<Lobby, Void> {

    Leave() {
      this(null);
    }

    Leave(String socketId) {
      super(ChatSerialization.LEAVE_QUEUE, socketId);
    }

    @Override
    public Void process(Map.Entry<String, Lobby> entry) {
      removeIf(entry, queued -> queued.socketId.equals(argument));
      return null;
    }
  }

  /** Removes every entry of one node's users (the argument is the node id; the node is gone). */
  static final class PurgeNode extends OneArgumentProcessor<Lobby, Void> {

    PurgeNode() {
      this(null);
    }

    PurgeNode(String nodeId) {
      super(ChatSerialization.PURGE_NODE, nodeId);
    }

    @Override
    public Void process(Map.Entry<String, Lobby> entry) {
      removeIf(entry, queued -> queued.nodeId.equals(argument));
      return null;
    }
  }
}
