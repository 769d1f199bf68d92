package com.meetmates.signaling.chat;

import com.meetmates.signaling.json.JsonText;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MeetMates rules: matching, chat messages, and WebRTC signaling between the two members of a pair.
 *
 * <p>One instance per node. Every piece of shared state goes through {@link ChatState}; everything sent to a
 * socket on another node goes through {@link Router}. Each session's work runs one task at a time, in
 * order, on the executor the session was opened with.
 */
public final class ChatService {

  private static final Logger LOG = LoggerFactory.getLogger(ChatService.class);
  private static final CompletionStage<Void> DONE = CompletableFuture.completedFuture(null);

  private final ChatState state;
  private final Router router;
  private final ChatSettings settings;
  private final PayloadValidator validator;
  private final LongSupplier nanoClock;
  private final Map<String, ChatSession> sessions = new ConcurrentHashMap<>();
  private final OnlineUsers onlineUsers = new OnlineUsers();
  private final ChatCounters counters = new ChatCounters();
  private final Matchmaking matchmaking;
  private final Signaling signaling;

  public ChatService(ChatState state, Router router, ChatSettings settings) {
    this(state, router, settings, ChatObserver.NONE);
  }

  public ChatService(ChatState state, Router router, ChatSettings settings, ChatObserver observer) {
    this(state, router, settings, Clock.systemUTC(), System::nanoTime, observer);
  }

  public ChatService(ChatState state, Router router, ChatSettings settings, Clock clock, LongSupplier nanoClock) {
    this(state, router, settings, clock, nanoClock, ChatObserver.NONE);
  }

  private ChatService(ChatState state, Router router, ChatSettings settings, Clock clock, LongSupplier nanoClock,
      ChatObserver observer) {
    this.state = state;
    this.router = router;
    this.settings = settings;
    this.validator = new PayloadValidator(settings);
    this.nanoClock = nanoClock;
    this.matchmaking = new Matchmaking(state, router, settings, counters, nanoClock, observer);
    this.signaling = new Signaling(state, router, clock, counters, nanoClock, observer);
  }

  public ChatCounters counters() {
    return counters;
  }

  /** Sockets this node holds. */
  public int localSessions() {
    return sessions.size();
  }

  /** The cluster-wide count of connected users as this node would tell a new socket now. */
  public int onlineUsers() {
    return onlineUsers.estimate(sessions.size());
  }

  /**
   * A socket connected to this node.
   *
   * @param senderEmail shown to partners in messages ("Anonymous" unless the handshake was authenticated)
   * @param executor runs this session's work one task at a time (the socket's own thread)
   */
  public void open(ClientConnection connection, String senderEmail, Executor executor) {
    ChatSession session = new ChatSession(connection, senderEmail, executor);
    sessions.put(session.id, session);
    session.mailbox.submit(() -> {
      tellOnlineUsers(session, onlineUsers.estimate(sessions.size()));
      return DONE;
    });
  }

  /** The socket is gone (client left, ping timeout, server close): end its pair and remove every trace. */
  public void close(String socketId) {
    ChatSession session = sessions.get(socketId);
    if (session == null) {
      return;
    }
    session.mailbox.submit(() -> {
      session.closed = true;
      CompletionStage<ChatState.SessionSnapshot> closed = session.mayHaveRecord
          ? state.closeSession(socketId)
          : CompletableFuture.completedFuture(ChatState.SessionSnapshot.ABSENT);
      return closed
          .thenComposeAsync(before -> matchmaking.endSession(session, before), session.executor())
          .whenComplete((ignored, failure) -> sessions.remove(socketId, session));
    });
  }

  /**
   * Another node is gone without closing its sockets (killed, partitioned away) or without settling all its
   * pairs (a drain that timed out): end its sessions, its queue entries and every pair with a member on it, and
   * tell the partners here and on other nodes. Pairs are found by node, not through the node's sessions, since
   * a session record may be gone while its pair remains. Sessions that never asked for a chat have no record
   * and nothing to end; the node's socket count is removed from the online count. Every surviving node may run
   * this at once; each pair is removed by one of them only, so each partner still hears one partnerLeft.
   */
  public CompletionStage<Void> cleanUpLostNode(String lostNodeId) {
    return state.sessionsOn(lostNodeId).thenCompose(lost -> {
      LOG.info("node {} lost: ending its {} sessions", lostNodeId, lost.size());
      CompletableFuture<?>[] closes = lost.stream()
          .map(socketId -> state.closeSession(socketId).toCompletableFuture())
          .toArray(CompletableFuture[]::new);
      return CompletableFuture.allOf(closes);
    }).thenCompose(closed -> state.purgeQueue(lostNodeId))
        .thenCompose(purged -> state.forgetSockets(lostNodeId))
        .thenCompose(forgotten -> state.removePairsOn(lostNodeId))
        .thenAccept(ended -> {
          LOG.info("node {} lost: ended {} of its pairs", lostNodeId, ended.size());
          ended.forEach(pair -> matchmaking.endLostPair(pair, lostNodeId));
        });
  }

  /**
   * An event from a client of this node. Its arguments are plain Java JSON values; those of the relayed events
   * (offer, answer, ICE candidate) are {@link JsonText}, as the client wrote them.
   */
  public void onEvent(String socketId, String event, List<?> args, Ack ack) {
    ChatSession session = sessions.get(socketId);
    if (session == null) {
      return;
    }
    switch (session.rateLimiter(settings, nanoClock).acquire()) {
      case DROP -> {
        counters.rateLimitedEvents.increment();
        reject(session, ChatError.RATE_LIMITED, "too many events: " + event + " dropped", ack);
        return;
      }
      case DISCONNECT -> {
        counters.abuseDisconnects.increment();
        LOG.warn("socket {}: disconnected for sending events above the rate limit", socketId);
        session.connection.disconnect();
        return;
      }
      case ACCEPT -> {
      }
    }
    try {
      dispatch(session, event, args, ack);
    } catch (RejectedEvent rejected) {
      counters.rejectedEvents.increment();
      LOG.info("socket {}: {} rejected: {}", socketId, event, rejected.getMessage());
      reject(session, rejected.error(), rejected.getMessage(), ack);
    }
  }

  /** Called by the router for a delivery to one of this node's sockets. */
  public void deliver(String socketId, Delivery delivery) {
    ChatSession session = sessions.get(socketId);
    if (session == null) {
      counters.staleDeliveries.increment();
      return;
    }
    long arrivedNanos = delivery instanceof Delivery.FromPartner ? nanoClock.getAsLong() : 0;
    session.mailbox.submit(() -> {
      if (session.closed) {
        counters.staleDeliveries.increment();
        return DONE;
      }
      return handle(session, delivery, arrivedNanos);
    });
  }

  private CompletionStage<Void> handle(ChatSession session, Delivery delivery, long arrivedNanos) {
    if (delivery instanceof Delivery.FromPartner fromPartner) {
      return signaling.onFromPartner(session, fromPartner, arrivedNanos);
    }
    if (delivery instanceof Delivery.Announced announced) {
      return signaling.onAnnounced(session, announced);
    }
    if (delivery instanceof Delivery.PairStarted started) {
      return matchmaking.onPairStarted(session, started.pair());
    }
    return matchmaking.onPairEnded(session, (Delivery.PairEnded) delivery);
  }

  /** A fresh cluster-wide count; each local socket is told only if it differs from what it was last told. */
  public void observeOnlineCount(int clusterCount) {
    onlineUsers.observe(clusterCount, sessions.size());
    for (ChatSession session : sessions.values()) {
      if (session.lastToldOnline != clusterCount) {
        session.mailbox.submit(() -> {
          tellOnlineUsers(session, clusterCount);
          return DONE;
        });
      }
    }
  }

  private void tellOnlineUsers(ChatSession session, int count) {
    if (!session.closed && session.lastToldOnline != count) {
      session.lastToldOnline = count;
      session.emit(Events.ONLINE_USERS, count);
    }
  }

  private void dispatch(ChatSession session, String event, List<?> args, Ack ack) {
    switch (event) {
      case Events.FIND_CHAT -> {
        boolean withVideo = validator.findChat(args).withVideo();
        submit(session, ack, () -> matchmaking.findChat(session, withVideo));
      }
      case Events.NEXT -> submit(session, ack, () -> matchmaking.next(session));
      case Events.SEND_MESSAGE -> {
        String text = validator.message(args);
        submit(session, ack, () -> signaling.sendMessage(session, text));
      }
      case Events.READY_TO_CONNECT -> submit(session, ack, () -> signaling.readyToConnect(session));
      case Events.WEBRTC_OFFER -> {
        JsonText offer = validator.sessionDescription(args, "offer", ChatError.INVALID_OFFER);
        submit(session, ack, () -> signaling.relayOffer(session, offer));
      }
      case Events.WEBRTC_ANSWER -> {
        JsonText answer = validator.sessionDescription(args, "answer", ChatError.INVALID_ANSWER);
        submit(session, ack, () -> signaling.relay(session, Events.WEBRTC_ANSWER, "answer", answer));
      }
      case Events.ICE_CANDIDATE -> {
        JsonText candidate = validator.candidate(args);
        submit(session, ack, () -> signaling.relayCandidate(session, candidate));
      }
      default -> {
        counters.unknownEvents.increment();
        ack.reply(Ack.failure(ChatError.UNKNOWN_EVENT, "unknown event: " + event));
      }
    }
  }

  /** Queues an operation whose outcome answers the client's acknowledgement. */
  private void submit(ChatSession session, Ack ack, Supplier<CompletionStage<Outcome>> operation) {
    session.mailbox.submit(() -> {
      if (session.closed) {
        return DONE;
      }
      CompletableFuture<Outcome> outcome = operation.get().toCompletableFuture();
      if (outcome.isDone() && !outcome.isCompletedExceptionally()) {
        ack.reply(outcome.join().ack());
        return DONE;
      }
      return outcome.whenCompleteAsync((result, failure) -> answer(session, ack, failure, result), session.executor());
    });
  }

  private static void answer(ChatSession session, Ack ack, Throwable failure, Outcome outcome) {
    if (failure != null) {
      LOG.warn("socket {}: event failed", session.id, failure);
      ack.reply(Ack.failure(ChatError.INTERNAL_ERROR, "the server could not handle this event"));
    } else {
      ack.reply(outcome.ack());
    }
  }

  private void reject(ChatSession session, ChatError error, String message, Ack ack) {
    session.emit(Events.ERROR, message, error.payload(message));
    ack.reply(Ack.failure(error, message));
  }
}
