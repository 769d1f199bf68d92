package com.meetmates.loadtests.simulations;

import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.http.HttpDsl.ws;

import com.meetmates.loadtests.protocol.SocketIoFrames;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.WsFrameCheck;
import java.time.Duration;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Socket.IO over Gatling's WebSocket DSL: connect, events, awaited events, polling, verdicts. */
final class SocketIoSteps {

  static final String SID = "sid";
  static final String DEADLINE = "deadline";
  /** Gatling times each awaited event under its check's name, from the send that awaits it. */
  static final String CONNECT_ACK = "socket.io connect -> ack";

  private static final Logger LOG = LoggerFactory.getLogger(SocketIoSteps.class);
  private static final Duration POLL_INTERVAL = Duration.ofMillis(5);

  private SocketIoSteps() {
  }

  /** Engine.IO open, then the Socket.IO CONNECT of the main namespace; saves the socket id. */
  static ChainBuilder connect(Duration timeout) {
    return exec(session -> session.set(Inbox.FAILURE, ""))
        .exec(ws("connect").connect(SocketIoFrames.WEBSOCKET_PATH).await(timeout)
            .on(ws.checkTextMessage("connect -> engine.io open").matching(regex("^0\\{").exists())))
        .exitHereIfFailed()
        .exec(ws("emit socket.io connect").sendText(SocketIoFrames.CONNECT).await(timeout)
            .on(ws.checkTextMessage(CONNECT_ACK)
                .matching(regex("^40\\{").exists())
                .check(regex("\"sid\":\"([^\"]+)\"").saveAs(SID))))
        .exitHereIfFailed();
  }

  /**
   * A check that waits for {@code event}, ignoring every other frame. Gatling reports the time from
   * the send to this event under {@code name}.
   */
  static WsFrameCheck.Text awaitEvent(String name, String event) {
    return ws.checkTextMessage(name).matching(regex("^42\\[\"" + event + "\"").exists());
  }

  /** Collects the unmatched frames into the {@link Inbox}; must precede every send. */
  static ChainBuilder collect() {
    return exec(ws.processUnmatchedMessages(Inbox::collect));
  }

  /** Sends without awaiting anything, after collecting what arrived. */
  static ChainBuilder emit(String requestName, Function<Session, String> frame) {
    return collect().exec(ws(requestName).sendText(frame));
  }

  /**
   * Polls the inbox until {@code done} holds, then fails the user with {@code what} if it does not
   * hold within the timeout.
   */
  static ChainBuilder pollUntil(String what, Function<Session, Boolean> done, Duration timeout) {
    return exec(session -> session.set(DEADLINE, System.currentTimeMillis() + timeout.toMillis()))
        .exec(ws.processUnmatchedMessages(Inbox::collect))
        .exec(asLongAs(session -> !done.apply(session) && System.currentTimeMillis() < session.getLong(DEADLINE))
            .on(pause(POLL_INTERVAL).exec(ws.processUnmatchedMessages(Inbox::collect))))
        .exec(session -> done.apply(session) ? session : Inbox.fail(session, "timed out waiting for " + what))
        .exec(verdict());
  }

  /** Turns a recorded failure into a KO of the enclosing group and ends the user. */
  static ChainBuilder verdict() {
    return exec(session -> {
      String failure = session.getString(Inbox.FAILURE);
      if (failure.isEmpty()) {
        return session;
      }
      LOG.error("user {} (socket {}) failed: {}", session.userId(), session.getString(SID), failure);
      return session.markAsFailed();
    }).exitHereIfFailed();
  }
}
