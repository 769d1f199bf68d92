package com.meetmates.signaling.engineio;

import java.util.ArrayDeque;
import java.util.Iterator;

/** Packets of one session waiting for their transport, with the slow-consumer bound. Not thread-safe. */
final class OutboundQueue implements Iterable<Packet> {

  private static final int INITIAL_CAPACITY = 2;

  /** Small at first (an idle session queues a ping at a time); it grows as a busy session needs. */
  private final ArrayDeque<Packet> packets = new ArrayDeque<>(INITIAL_CAPACITY);
  private final long maxWeight;
  private final int maxPackets;
  private long weight;

  OutboundQueue(long maxWeight, int maxPackets) {
    this.maxWeight = maxWeight;
    this.maxPackets = maxPackets;
  }

  /** Adds the packet; false when the queue has now passed its bound. */
  boolean offer(Packet packet) {
    packets.add(packet);
    weight += packet.weight();
    return weight <= maxWeight && packets.size() <= maxPackets;
  }

  Packet peek() {
    return packets.peek();
  }

  Packet poll() {
    Packet packet = packets.poll();
    if (packet != null) {
      weight -= packet.weight();
    }
    return packet;
  }

  boolean isEmpty() {
    return packets.isEmpty();
  }

  int size() {
    return packets.size();
  }

  long weight() {
    return weight;
  }

  void clear() {
    packets.clear();
    weight = 0;
  }

  @Override
  public Iterator<Packet> iterator() {
    return packets.iterator();
  }
}
