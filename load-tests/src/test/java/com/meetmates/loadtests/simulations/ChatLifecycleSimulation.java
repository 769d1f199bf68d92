package com.meetmates.loadtests.simulations;

import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.doIfOrElse;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.ws;

import com.meetmates.loadtests.meter.HazelcastOperations;
import com.meetmates.loadtests.protocol.SocketIoFrames;
import com.meetmates.loadtests.protocol.WebRtcPayloads;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole life of a video chat, per user: connect, findChat(video), chatStart, both
 * ready-to-connect, the initiator (lower socket id) gets create-offer and sends a 4 KB offer, the
 * partner answers, each side trickles 8 to 16 ICE candidates and sends a few messages; then the
 * initiator ends the chat with {@code next} when both want another chat (both go on to a new
 * partner), otherwise by leaving (the partner gets partnerLeft and leaves too). Every event each side should get is checked: awaited
 * events by Gatling checks (their response times are the latencies in the report), the rest
 * counted exactly from the frames no check awaited. A user whose events do not add up fails its
 * "chat lifecycle" group.
 *
 * <p>System properties: baseUrl, usersPerSec (default 20; pairs per second are half of it),
 * durationSeconds (10), warmUpSeconds (0: the same rate for that long first, reported as the "warm-up" group
 * and left out of the figures), atOnceUsers (instead of a rate, for smoke runs), rounds (chats per user, 2), messages (per
 * side per chat, 3), stepTimeoutSeconds (10), sources, countHazelcast with nodePids (count the
 * Hazelcast operations per chat lifetime on those node processes; nodePids alone prints the nodes' CPU time per
 * chat over the measured window and over the whole run, their idle background and their CPU by thread, see
 * {@link ServerCpu}), findChatP99TargetMs and
 * offerAnswerP99TargetMs (fail the run when the p99 is above; the figures are printed anyway).
 */
public class ChatLifecycleSimulation extends Simulation {

  static final String GROUP = "chat lifecycle";
  static final String WARM_UP_GROUP = "warm-up";
  private static final int MIN_CANDIDATES = 8;
  private static final int CANDIDATE_SPREAD = 9;
  private static final String ROUNDS_LEFT = "roundsLeft";
  private static final String IN_CHAT = "inChat";
  private static final String DECISION = "decision";
  private static final Logger LOG = LoggerFactory.getLogger(ChatLifecycleSimulation.class);

  private final AtomicInteger chats = new AtomicInteger();
  private HazelcastOperations.Count hazelcastBefore;
  private final Duration duration = LoadSettings.seconds("durationSeconds", 10);
  private final Duration warmUp = LoadSettings.seconds("warmUpSeconds", 0);
  private final ServerCpu serverCpu = new ServerCpu(LoadSettings.nodePids(), chats::get);
  private final Duration timeout = LoadSettings.seconds("stepTimeoutSeconds", 10);
  private final int rounds = LoadSettings.integer("rounds", 2);
  private final int messages = LoadSettings.integer("messages", 3);
  private final List<String> candidateFrames = IntStream.range(0, MIN_CANDIDATES + CANDIDATE_SPREAD)
      .mapToObj(i -> SocketIoFrames.event("ice-candidate", new JsonObject().put("candidate", WebRtcPayloads.candidate(i))))
      .toList();

  /** Both sides derive the partner's candidate count from its id, so the receiver knows what to expect. */
  static int candidateCount(String socketId) {
    return MIN_CANDIDATES + Math.floorMod(socketId.hashCode(), CANDIDATE_SPREAD);
  }

  private ChainBuilder candidatesAndMessages() {
    return repeat(session -> candidateCount(session.getString(SocketIoSteps.SID)), "candidate").on(
            SocketIoSteps.emit("emit ice-candidate", session -> candidateFrames.get(session.getInt("candidate"))))
        .repeat(messages, "message").on(
            SocketIoSteps.emit("emit sendMessage", session -> SocketIoFrames.event("sendMessage",
                "hello " + session.getInt("message") + " " + Inbox.ROUNDS_LEFT_TAG + session.getInt(ROUNDS_LEFT))));
  }

  private ChainBuilder initiatorChat() {
    return exec(session -> {
          chats.incrementAndGet();
          return session;
        })
        .exec(ChatSteps.initiatorNegotiation(timeout))
        .exec(candidatesAndMessages())
        .exec(SocketIoSteps.pollUntil("the partner's candidates and messages",
            session -> session.getInt(Inbox.CANDIDATES) >= candidateCount(session.getString(Inbox.PARTNER_ID))
                && session.getInt(Inbox.MESSAGES) >= 2 * messages
                && session.getInt(Inbox.PARTNER_ROUNDS_LEFT) >= 0,
            timeout))
        .exec(session -> expectCounts(session, 2 * messages))
        .exec(SocketIoSteps.verdict())
        .exec(session -> session.set(DECISION, decide(session)))
        .exec(SocketIoSteps.emit("emit sendMessage", session ->
            SocketIoFrames.event("sendMessage", Inbox.BYE_TAG + session.getString(DECISION))))
        .doIfOrElse(session -> session.getString(DECISION).equals("next")).then(
            ChatSteps.next(timeout))
        .orElse(exec(session -> session.set(IN_CHAT, false)));
  }

  private ChainBuilder partnerChat() {
    return exec(ChatSteps.partnerNegotiation(timeout))
        .exec(candidatesAndMessages())
        .exec(SocketIoSteps.pollUntil("the initiator's candidates, messages and partnerLeft",
            session -> session.getInt(Inbox.CANDIDATES) >= candidateCount(session.getString(Inbox.PARTNER_ID))
                && session.getInt(Inbox.MESSAGES) >= 2 * messages + 1
                && session.getBoolean(Inbox.PARTNER_LEFT),
            timeout))
        .exec(session -> expectCounts(session, 2 * messages + 1))
        .exec(SocketIoSteps.verdict())
        .doIfOrElse(session -> session.getString(Inbox.BYE).equals("next")).then(
            exec(SocketIoSteps.pollUntil("chatStart after the partner's next",
                session -> !session.getString(Inbox.NEXT_PARTNER_ID).isEmpty(), timeout))
                .exec(ChatSteps.startChatWith(Inbox.NEXT_PARTNER_ID)))
        .orElse(exec(session -> session.set(IN_CHAT, false)));
  }

  /**
   * next only when both want another chat; otherwise both leave. Users thus re-enter the queue in
   * twos, and an even number of users all find partners: none is left waiting at the end.
   */
  private static String decide(Session session) {
    return session.getInt(ROUNDS_LEFT) > 0 && session.getInt(Inbox.PARTNER_ROUNDS_LEFT) > 0 ? "next" : "end";
  }

  private static Session expectCounts(Session session, int expectedMessages) {
    int expectedCandidates = candidateCount(session.getString(Inbox.PARTNER_ID));
    if (session.getInt(Inbox.CANDIDATES) != expectedCandidates) {
      return Inbox.fail(session, "received " + session.getInt(Inbox.CANDIDATES) + " candidates, expected " + expectedCandidates);
    }
    if (session.getInt(Inbox.MESSAGES) != expectedMessages) {
      return Inbox.fail(session, "received " + session.getInt(Inbox.MESSAGES) + " messages, expected " + expectedMessages);
    }
    return session;
  }

  /** The whole life of each user, its requests reported under {@code groupName}. */
  private ScenarioBuilder lifecycle(String name, String groupName) {
    return scenario(name).exec(group(groupName).on(
        exec(session -> session.set(ROUNDS_LEFT, rounds - 1).set(IN_CHAT, true))
            .exec(SocketIoSteps.connect(timeout))
            .exec(ChatSteps.findChat(timeout))
            .exec(asLongAs(session -> session.getBoolean(IN_CHAT)).on(
                doIfOrElse(ChatSteps::isInitiator).then(initiatorChat()).orElse(partnerChat())
                    .doIf(session -> session.getBoolean(IN_CHAT)).then(
                        exec(session -> session.set(ROUNDS_LEFT, session.getInt(ROUNDS_LEFT) - 1)))))
            .exec(ws("leave").close())));
  }

  {
    int atOnce = LoadSettings.integer("atOnceUsers", 0);
    int usersPerSec = LoadSettings.integer("usersPerSec", 20);
    // An even number of users, arriving at an even pace: every one of them finds a partner.
    int users = 2 * ((atOnce > 0 ? atOnce : usersPerSec * (int) duration.toSeconds()) / 2);
    int warmUpUsers = 2 * (usersPerSec * (int) warmUp.toSeconds() / 2);
    ScenarioBuilder measured = lifecycle("chat lifecycle", GROUP);
    List<PopulationBuilder> populations = atOnce > 0 || warmUpUsers == 0
        ? List.of(measured.injectOpen(atOnce > 0 ? atOnceUsers(users) : rampUsers(users).during(duration)))
        // The same load first, reported apart, so that the figures are those of warm JVMs (the node's and
        // Gatling's own): a cold JVM on 2 shared cores queues requests for seconds while it compiles.
        : List.of(lifecycle("warm-up", WARM_UP_GROUP).injectOpen(rampUsers(warmUpUsers).during(warmUp)),
            measured.injectOpen(nothingFor(warmUp), rampUsers(users).during(duration)));
    setUp(populations)
        .protocols(LoadSettings.protocol())
        .assertions(Stream.of(
                List.of(
                    global().failedRequests().count().is(0L),
                    details(GROUP).failedRequests().count().is(0L),
                    details(GROUP, "leave").successfulRequests().count().is((long) users),
                    details(GROUP, ChatSteps.FIND_CHAT_TO_CHAT_START).successfulRequests().count().is((long) users)),
                LoadSettings.latencyFigures(GROUP, ChatSteps.FIND_CHAT_TO_CHAT_START, "findChatP99TargetMs"),
                LoadSettings.latencyFigures(GROUP, ChatSteps.OFFER_TO_ANSWER, "offerAnswerP99TargetMs"))
            .flatMap(List::stream).toList());
  }

  @Override
  public void before() {
    if (LoadSettings.countHazelcast()) {
      hazelcastBefore = hazelcastOperations();
    }
    if (!LoadSettings.nodePids().isEmpty()) {
      try {
        serverCpu.start(warmUp, duration);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public void after() {
    if (!LoadSettings.nodePids().isEmpty()) {
      LOG.warn(serverCpu.report());
    }
    if (!LoadSettings.countHazelcast()) {
      return;
    }
    HazelcastOperations.Count used = hazelcastOperations().minus(hazelcastBefore);
    String result = String.format(Locale.ROOT,
        "Hazelcast operations per chat lifetime: %.1f data-structure, %.1f engine (%d and %d over %d chats)",
        (double) used.dataStructure() / Math.max(1, chats.get()), (double) used.engine() / Math.max(1, chats.get()),
        used.dataStructure(), used.engine(), chats.get());
    LOG.warn(result);
  }

  /** Waits for Hazelcast to publish its latest figures, then reads them from the node processes. */
  private static HazelcastOperations.Count hazelcastOperations() {
    try {
      TimeUnit.NANOSECONDS.sleep(HazelcastOperations.PUBLISH_LAG.toNanos());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return HazelcastOperations.of(LoadSettings.nodePids());
  }
}
