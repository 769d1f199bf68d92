package com.meetmates.signaling.cluster;

import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

/** A value or entry processor of the chat state, made by {@link ChatSerialization}. */
interface ChatSerializable extends IdentifiedDataSerializable {

  @Override
  default int getFactoryId() {
    return ChatSerialization.FACTORY_ID;
  }
}
