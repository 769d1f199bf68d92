package com.meetmates.signaling.cluster;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import java.io.IOException;

/** An entry processor of the chat state whose only argument is one id (of a socket, a pair or a node). */
abstract class OneArgumentProcessor<V, R> implements EntryProcessor<String, V, R>, ChatSerializable {

  private final int classId;
  /** The id the processor works with; null only in an instance about to be read from the wire. */
  protected String argument;

  OneArgumentProcessor(int classId, String argument) {
    this.classId = classId;
    this.argument = argument;
  }

  @Override
  public final int getClassId() {
    return classId;
  }

  @Override
  public final void writeData(ObjectDataOutput out) throws IOException {
    out.writeString(argument);
  }

  @Override
  public final void readData(ObjectDataInput in) throws IOException {
    argument = in.readString();
  }
}
