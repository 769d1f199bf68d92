package com.meetmates.signaling.engineio;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;

/**
 * Runs work on a Vert.x context without queueing it when the caller already runs on that context's thread. The
 * sockets of one event loop each have their own (duplicated) context on the same thread; handing work from one to
 * another through the context's task queue costs an event-loop task and a later turn per relayed message.
 */
public final class ContextTasks {

  private ContextTasks() {
  }

  /**
   * Runs the task on the context: at once (with the context made current) when the caller is on its thread,
   * otherwise queued to it, in order.
   */
  public static void run(Context context, Runnable task) {
    if (Vertx.currentContext() == context) {
      task.run();
    } else if (context instanceof ContextInternal internal && internal.inThread()) {
      internal.emit(ignored -> task.run());
    } else {
      context.runOnContext(ignored -> task.run());
    }
  }
}
