package com.meetmates.signaling.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.nio.serialization.DataSerializableFactory;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

/**
 * Hazelcast's compact binary form for every value and entry processor of the chat state: no reflection and
 * no Java serialization on the partition threads. Must be registered on every member.
 */
public final class ChatSerialization implements DataSerializableFactory {

  public static final int FACTORY_ID = 7301;

  static final int SESSION_RECORD = 1;
  static final int PAIR_RECORD = 2;
  static final int LOBBY = 3;
  static final int QUEUE_ENTRY = 4;
  static final int START_WAITING = 10;
  static final int ATTACH = 11;
  static final int MARK_READY = 13;
  static final int ENQUEUE_OR_MATCH = 14;
  static final int LEAVE_QUEUE = 15;
  static final int PURGE_NODE = 16;
  static final int REMOVE_PAIR_IF_ON_NODE = 17;

  /** Adds the factory to a member configuration. */
  public static Config register(Config config) {
    config.getSerializationConfig().addDataSerializableFactory(FACTORY_ID, new ChatSerialization());
    return config;
  }

  @Override
  public IdentifiedDataSerializable create(int typeId) {
    return switch (typeId) {
      case SESSION_RECORD -> new SessionRecord();
      case PAIR_RECORD -> new PairRecord();
      case LOBBY -> new Lobby();
      case QUEUE_ENTRY -> new QueueEntry();
      case START_WAITING -> new SessionProcessors.StartWaiting();
      case ATTACH -> new SessionProcessors.Attach();
      case MARK_READY -> new PairRecord.MarkReady();
      case ENQUEUE_OR_MATCH -> new Lobby.EnqueueOrMatch();
      case LEAVE_QUEUE -> new Lobby.Leave();
      case PURGE_NODE -> new Lobby.PurgeNode();
      case REMOVE_PAIR_IF_ON_NODE -> new PairRecord.RemoveIfOnNode();
      default -> null;
    };
  }
}
