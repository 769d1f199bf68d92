package com.meetmates.signaling.chat;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
  private static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final ChatState state;
  private final Router router;
  private final ChatSettings settings;
  private final PayloadValidator validator;
  private final Clock clock;
  private final LongSupplier nanoClock;
  private final Map<String, ChatSession> sessions = new ConcurrentHashMap<>();
  private final OnlineUsers onlineUsers = new OnlineUsers();
  private final ChatCounters counters = new ChatCounters();

  public ChatService(ChatState state, Router router, ChatSettings settings) {
    this(state, router, settings, Clock.systemUTC(), System::nanoTime);
  }

  public ChatService(ChatState state, Router router, ChatSettings settings, Clock clock, LongSupplier nanoClock) {
    this.state = state;
    this.router = router;
    this.settings = settings;
    this.validator = new PayloadValidator(settings);
    this.clock = clock;
    this.nanoClock = nanoClock;
  }

  public ChatCounters counters() {
    return counters;
  }

  /** Sockets this node holds. */
  public int localSessions() {
    return sessions.size();
  }

  /**
   * A socket connected to this node.
   *
   * @param senderEmail shown to partners in messages ("Anonymous" unless the handshake was authenticated)
   * @param executor runs this session's work one task at a time (the socket's own thread)
   */
  public void open(ClientConnection connection, String senderEmail, Executor executor) {
    ChatSession session = new ChatSession(connection, senderEmail, executor,
        new RateLimiter(settings, nanoClock));
    sessions.put(session.id, session);
    session.mailbox.submit(() -> {
      tellOnlineUsers(session, onlineUsers.estimate(sessions.size()));
      return state.openSession(session.id, router.localNode());
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
      return state.closeSession(socketId)
          .thenComposeAsync(before -> {
            CompletionStage<Void> leftPair = leave(session, before.pairId(), false);
            CompletionStage<Void> leftQueue = before.waiting() ? state.leaveQueue(socketId) : DONE;
            return leftPair.thenCombine(leftQueue, (a, b) -> (Void) null);
          }, session.executor())
          .whenComplete((ignored, failure) -> sessions.remove(socketId, session));
    });
  }

  /** An event from a client of this node. */
  public void onEvent(String socketId, String event, List<Object> args, Ack ack) {
    ChatSession session = sessions.get(socketId);
    if (session == null) {
      return;
    }
    switch (session.rateLimiter.acquire()) {
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
    session.mailbox.submit(() -> {
      if (session.closed) {
        counters.staleDeliveries.increment();
        return DONE;
      }
      return handle(session, delivery);
    });
  }

  private CompletionStage<Void> handle(ChatSession session, Delivery delivery) {
    if (delivery instanceof Delivery.FromPartner fromPartner) {
      return onFromPartner(session, fromPartner);
    }
    if (delivery instanceof Delivery.Announced announced) {
      return onAnnounced(session, announced);
    }
    if (delivery instanceof Delivery.PairStarted started) {
      return onPairStarted(session, started.pair());
    }
    if (delivery instanceof Delivery.PairEnded ended) {
      return onPairEnded(session, ended);
    }
    return onMatchAborted(session, ((Delivery.MatchAborted) delivery).pairId());
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

  private void dispatch(ChatSession session, String event, List<Object> args, Ack ack) {
    switch (event) {
      case Events.FIND_CHAT -> {
        boolean withVideo = validator.findChat(args).withVideo();
        submit(session, ack, () -> findChat(session, withVideo));
      }
      case Events.NEXT -> submit(session, ack, () -> next(session));
      case Events.SEND_MESSAGE -> {
        String text = validator.message(args);
        submit(session, ack, () -> sendMessage(session, text));
      }
      case Events.READY_TO_CONNECT -> submit(session, ack, () -> readyToConnect(session));
      case Events.WEBRTC_OFFER -> {
        Map<String, Object> offer = validator.sessionDescription(args, "offer", ChatError.INVALID_OFFER);
        submit(session, ack, () -> relayOffer(session, offer));
      }
      case Events.WEBRTC_ANSWER -> {
        Map<String, Object> answer = validator.sessionDescription(args, "answer", ChatError.INVALID_ANSWER);
        submit(session, ack, () -> relay(session, Events.WEBRTC_ANSWER, "answer", answer));
      }
      case Events.ICE_CANDIDATE -> {
        Object candidate = validator.candidate(args);
        submit(session, ack, () -> relayCandidate(session, candidate));
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
      return operation.get().whenCompleteAsync((outcome, failure) -> {
        if (failure != null) {
          LOG.warn("socket {}: event failed", session.id, failure);
          ack.reply(Ack.failure(ChatError.INTERNAL_ERROR, "the server could not handle this event"));
        } else {
          ack.reply(outcome.ack());
        }
      }, session.executor());
    });
  }

  /** How an accepted event ended, as told to the client's acknowledgement. */
  private record Outcome(Map<String, Object> ack) {

    static final Outcome OK = new Outcome(Ack.ok());
    static final Outcome NOT_PAIRED = new Outcome(Ack.failure(ChatError.NOT_PAIRED, "not in a chat"));

    static CompletionStage<Outcome> ok() {
      return CompletableFuture.completedFuture(OK);
    }

    static CompletionStage<Outcome> notPaired() {
      return CompletableFuture.completedFuture(NOT_PAIRED);
    }
  }

  private void reject(ChatSession session, ChatError error, String message, Ack ack) {
    session.emit(Events.ERROR, message, error.payload(message));
    ack.reply(Ack.failure(error, message));
  }

  // ---- matching ----

  private CompletionStage<Outcome> findChat(ChatSession session, boolean withVideo) {
    session.withVideo = withVideo;
    long ticket = session.nextTicket();
    return state.startWaiting(session.id, ticket, withVideo, false)
        .thenComposeAsync(before -> leave(session, before.pairId(), false), session.executor())
        .thenComposeAsync(left -> waitAndMatch(session, ticket), session.executor())
        .thenApply(matched -> Outcome.OK);
  }

  private CompletionStage<Outcome> next(ChatSession session) {
    long ticket = session.nextTicket();
    return state.startWaiting(session.id, ticket, session.withVideo, true)
        .thenComposeAsync(before -> {
          if (before.waiting()) {
            session.emit(Events.WAITING);
            return DONE;
          }
          return leave(session, before.pairId(), true)
              .thenComposeAsync(left -> waitAndMatch(session, ticket), session.executor());
        }, session.executor())
        .thenApply(matched -> Outcome.OK);
  }

  /** Re-enters the queue with the session's own preference, as when its partner pressed next. */
  private CompletionStage<Void> requeue(ChatSession session) {
    long ticket = session.nextTicket();
    return state.startWaiting(session.id, ticket, session.withVideo, false)
        .thenComposeAsync(before -> leave(session, before.pairId(), false), session.executor())
        .thenComposeAsync(left -> waitAndMatch(session, ticket), session.executor());
  }

  private CompletionStage<Void> waitAndMatch(ChatSession session, long ticket) {
    session.emit(Events.WAITING);
    return match(session, ticket);
  }

  private CompletionStage<Void> match(ChatSession session, long ticket) {
    WaitingEntry self = new WaitingEntry(session.id, router.localNode(), session.withVideo, ticket);
    return state.enqueueOrMatch(self).thenComposeAsync(
        other -> other == null ? DONE : pairWith(session, self, other), session.executor());
  }

  /**
   * Completes a match taken from the queue. The other member is bound first: if it left meanwhile, this
   * session is still waiting with its ticket and simply tries again.
   */
  private CompletionStage<Void> pairWith(ChatSession session, WaitingEntry self, WaitingEntry other) {
    Pair pair = Pair.of(UUID.randomUUID().toString(), self, other);
    return state.createPair(pair)
        .thenCompose(created -> state.attach(other.socketId(), pair.pairId(), other.ticket()))
        .thenComposeAsync(otherBound -> {
          if (!otherBound) {
            return state.removePair(pair.pairId()).thenComposeAsync(
                removed -> session.closed ? DONE : match(session, self.ticket()), session.executor());
          }
          return state.attach(session.id, pair.pairId(), self.ticket()).thenComposeAsync(selfBound -> {
            if (!selfBound) {
              LOG.info("socket {}: left the shared state while being matched; partner {} requeued",
                  session.id, other.socketId());
              return state.removePair(pair.pairId()).thenAccept(removed ->
                  router.send(other.nodeId(), other.socketId(), new Delivery.MatchAborted(pair.pairId())));
            }
            router.send(other.nodeId(), other.socketId(), new Delivery.PairStarted(pair));
            counters.pairsStarted.increment();
            return onPairStarted(session, pair);
          }, session.executor());
        }, session.executor());
  }

  private CompletionStage<Void> onPairStarted(ChatSession session, Pair pair) {
    if (session.hasAbandoned(pair.pairId())) {
      counters.staleDeliveries.increment();
      return DONE;
    }
    session.pair = pair;
    session.negotiation = pair.isInitiator(session.id) ? new Negotiation(settings.replayCandidates()) : null;
    Map<String, Object> chatStart = new LinkedHashMap<>();
    chatStart.put("withVideo", pair.withVideo());
    chatStart.put("partnerId", pair.otherThan(session.id));
    session.emit(Events.CHAT_START, chatStart);
    return DONE;
  }

  private CompletionStage<Void> onMatchAborted(ChatSession session, String pairId) {
    return session.pair == null ? requeue(session) : state.detach(session.id, pairId);
  }

  /**
   * This session leaves the pair the shared state had it in (if any). Whoever removes the pair record tells
   * the partner, so the partner hears exactly one partnerLeft however many leave at once.
   */
  private CompletionStage<Void> leave(ChatSession session, String pairId, boolean requeuePartner) {
    Pair known = session.leavePair();
    if (pairId == null) {
      return DONE;
    }
    if (known == null || !known.pairId().equals(pairId)) {
      session.abandon(pairId);
    }
    return state.removePair(pairId).thenAccept(removed -> {
      if (removed != null) {
        String partner = removed.otherThan(session.id);
        router.send(removed.nodeOf(partner), partner, new Delivery.PairEnded(pairId, session.id, requeuePartner));
      }
    });
  }

  private CompletionStage<Void> onPairEnded(ChatSession session, Delivery.PairEnded ended) {
    if (!session.isPairedIn(ended.pairId())) {
      counters.staleDeliveries.increment();
      return DONE;
    }
    session.leavePair();
    session.emit(Events.PARTNER_LEFT, Map.of("partnerId", ended.leaverId()));
    return ended.requeue() ? requeue(session) : state.detach(session.id, ended.pairId());
  }

  // ---- messages and signaling ----

  private CompletionStage<Outcome> sendMessage(ChatSession session, String text) {
    if (session.pair == null) {
      return Outcome.notPaired();
    }
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("sender", session.id);
    message.put("text", text);
    message.put("senderEmail", session.senderEmail);
    message.put("timestamp", ISO_MILLIS.format(clock.instant()));
    session.emit(Events.MESSAGE, message);
    sendToPartner(session, Events.MESSAGE, message);
    return Outcome.ok();
  }

  private CompletionStage<Outcome> readyToConnect(ChatSession session) {
    Pair pair = session.pair;
    if (pair == null) {
      return Outcome.notPaired();
    }
    return state.markReady(pair.pairId(), session.id).thenApplyAsync(readiness -> switch (readiness) {
      case NOT_PAIRED -> Outcome.NOT_PAIRED;
      case WAITING_FOR_PARTNER -> Outcome.OK;
      case BOTH_READY, REPEATED -> {
        router.send(pair.initiatorNode(), pair.initiatorId(),
            new Delivery.Announced(pair.pairId(), session.id, readiness == ChatState.Readiness.BOTH_READY));
        yield Outcome.OK;
      }
    }, session.executor());
  }

  private CompletionStage<Void> onAnnounced(ChatSession session, Delivery.Announced announced) {
    Negotiation negotiation = session.negotiation;
    if (!session.isPairedIn(announced.pairId()) || negotiation == null) {
      counters.staleDeliveries.increment();
      return DONE;
    }
    Negotiation.Step step = announced.bothReadyNow()
        ? negotiation.bothReady()
        : negotiation.announcedAgain(announced.memberId().equals(session.id));
    switch (step) {
      case CREATE_OFFER -> session.emit(Events.CREATE_OFFER);
      case REPLAY_OFFER -> {
        sendToPartner(session, Events.WEBRTC_OFFER, withFrom("offer", negotiation.offer(), session.id));
        for (Object candidate : negotiation.candidatesAfterOffer()) {
          sendToPartner(session, Events.ICE_CANDIDATE, withFrom("candidate", candidate, session.id));
        }
      }
      case NOTHING -> {
      }
    }
    return DONE;
  }

  private CompletionStage<Outcome> relayOffer(ChatSession session, Map<String, Object> offer) {
    if (session.pair != null && session.negotiation != null) {
      session.negotiation.offerSent(offer);
    }
    return relay(session, Events.WEBRTC_OFFER, "offer", offer);
  }

  private CompletionStage<Outcome> relayCandidate(ChatSession session, Object candidate) {
    if (session.pair != null && session.negotiation != null) {
      session.negotiation.candidateSent(candidate);
    }
    return relay(session, Events.ICE_CANDIDATE, "candidate", candidate);
  }

  private CompletionStage<Outcome> relay(ChatSession session, String event, String key, Object value) {
    if (session.pair == null) {
      return Outcome.notPaired();
    }
    sendToPartner(session, event, withFrom(key, value, session.id));
    return Outcome.ok();
  }

  private void sendToPartner(ChatSession session, String event, Map<String, Object> payload) {
    router.send(session.partnerNode(), session.partnerId(),
        new Delivery.FromPartner(session.pair.pairId(), session.id, event, payload));
  }

  private CompletionStage<Void> onFromPartner(ChatSession session, Delivery.FromPartner relayed) {
    if (!session.isPairedIn(relayed.pairId()) || !session.partnerId().equals(relayed.from())) {
      counters.staleDeliveries.increment();
      return DONE;
    }
    if (Events.WEBRTC_ANSWER.equals(relayed.event()) && session.negotiation != null) {
      session.negotiation.answerReceived();
    }
    counters.relayedFromPartner.increment();
    session.emit(relayed.event(), relayed.payload());
    return DONE;
  }

  private static Map<String, Object> withFrom(String key, Object value, String from) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put(key, value);
    payload.put("from", from);
    return payload;
  }
}
