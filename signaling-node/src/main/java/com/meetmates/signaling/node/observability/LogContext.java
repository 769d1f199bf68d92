package com.meetmates.signaling.node.observability;

import java.util.Objects;
import java.util.concurrent.Executor;
import org.slf4j.MDC;

/**
 * Puts the node id and the socket id into the logging context (MDC) while a socket's work runs, so that every
 * line it logs carries them as fields. A JVM that runs one node also names it once for every other line.
 */
public final class LogContext {

  public static final String NODE_ID = "nodeId";
  public static final String SOCKET_ID = "socketId";

  private static volatile String processNode;

  private LogContext() {
  }

  /** The node this JVM runs, named on every JSON log line that does not name one itself. */
  public static void nodeOfThisProcess(String nodeId) {
    processNode = nodeId;
  }

  static String processNode() {
    return processNode;
  }

  /** An executor that runs each task with the node and socket ids in the MDC. */
  public static Executor forSocket(String nodeId, String socketId, Executor executor) {
    return task -> executor.execute(() -> run(nodeId, socketId, task));
  }

  /**
   * Runs the task with the node and socket ids in the MDC, then puts back what was there. The node id is left out
   * where it is this JVM's own node, which every line names anyway: one MDC entry less on each relayed message.
   */
  public static void run(String nodeId, String socketId, Runnable task) {
    String outerSocket = MDC.get(SOCKET_ID);
    String outerNode = MDC.get(NODE_ID);
    String node = nodeId.equals(processNode) ? null : nodeId;
    if (socketId.equals(outerSocket) && Objects.equals(node, outerNode)) {
      // A socket's own work run at once from inside its event handler: the ids are already there.
      task.run();
      return;
    }
    boolean otherNode = !Objects.equals(node, outerNode);
    MDC.put(SOCKET_ID, socketId);
    if (otherNode) {
      set(NODE_ID, node);
    }
    try {
      task.run();
    } finally {
      set(SOCKET_ID, outerSocket);
      if (otherNode) {
        set(NODE_ID, outerNode);
      }
    }
  }

  private static void set(String key, String value) {
    if (value == null) {
      MDC.remove(key);
    } else {
      MDC.put(key, value);
    }
  }
}
