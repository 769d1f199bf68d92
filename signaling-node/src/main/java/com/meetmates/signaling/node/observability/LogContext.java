package com.meetmates.signaling.node.observability;

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

  /** Runs the task with the node and socket ids in the MDC, then puts back what was there. */
  public static void run(String nodeId, String socketId, Runnable task) {
    String outerNode = MDC.get(NODE_ID);
    String outerSocket = MDC.get(SOCKET_ID);
    if (socketId.equals(outerSocket) && nodeId.equals(outerNode)) {
      // A socket's own work run at once from inside its event handler: the ids are already there.
      task.run();
      return;
    }
    MDC.put(NODE_ID, nodeId);
    MDC.put(SOCKET_ID, socketId);
    try {
      task.run();
    } finally {
      restore(NODE_ID, outerNode);
      restore(SOCKET_ID, outerSocket);
    }
  }

  private static void restore(String key, String value) {
    if (value == null) {
      MDC.remove(key);
    } else {
      MDC.put(key, value);
    }
  }
}
