package com.meetmates.loadtests.simulations;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.doIfOrElse;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.pace;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.ws;

import com.meetmates.loadtests.protocol.SocketIoFrames;
import com.meetmates.loadtests.protocol.WebRtcPayloads;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Established pairs exchange ICE candidates at a fixed offered rate for a fixed time; every
 * candidate must reach the partner. Gatling cannot time a frame from one user's send to another
 * user's receive, so this run gives throughput and loss; the one-way latency percentiles come from
 * {@link com.meetmates.loadtests.driver.RelayDriver} on the same rate.
 *
 * <p>System properties: baseUrl, users (even, default 100), rampSeconds (5; 0 = at once),
 * ratePerUser (messages per second each user sends, 10), relaySeconds (10), stepTimeoutSeconds
 * (10), sources. Offered rate = users x ratePerUser.
 */
public class RelaySimulation extends Simulation {

  static final String GROUP = "relay";
  private static final int DISTINCT_CANDIDATES = 64;

  private final Duration timeout = LoadSettings.seconds("stepTimeoutSeconds", 10);
  private final int users = LoadSettings.integer("users", 100);
  private final int ratePerUser = LoadSettings.integer("ratePerUser", 10);
  private final int relaySeconds = LoadSettings.integer("relaySeconds", 10);
  private final int perUser = ratePerUser * relaySeconds;
  private final Duration interval = Duration.ofNanos(1_000_000_000L / ratePerUser);
  private final List<String> candidateFrames = IntStream.range(0, DISTINCT_CANDIDATES)
      .mapToObj(i -> SocketIoFrames.event("ice-candidate", new JsonObject().put("candidate", WebRtcPayloads.candidate(i))))
      .toList();

  private Session expectAll(Session session) {
    int received = session.getInt(Inbox.CANDIDATES);
    return received == perUser ? session : Inbox.fail(session, "received " + received + " candidates, expected " + perUser);
  }

  private final ScenarioBuilder scenario = scenario("relay").exec(group(GROUP).on(
      exec(SocketIoSteps.connect(timeout))
          .exec(ChatSteps.findChat(timeout))
          .exec(doIfOrElse(ChatSteps::isInitiator)
              .then(ChatSteps.initiatorNegotiation(timeout))
              .orElse(ChatSteps.partnerNegotiation(timeout)))
          .exec(repeat(perUser, "candidate").on(
              pace(interval).exec(SocketIoSteps.emit("emit ice-candidate",
                  session -> candidateFrames.get(session.getInt("candidate") % DISTINCT_CANDIDATES)))))
          .exec(SocketIoSteps.pollUntil("every candidate of the partner",
              session -> session.getInt(Inbox.CANDIDATES) >= perUser, timeout))
          .exec(this::expectAll)
          .exec(SocketIoSteps.verdict())
          .exec(ws("leave").close())));

  {
    int rampSeconds = LoadSettings.integer("rampSeconds", 5);
    setUp(scenario.injectOpen(rampSeconds == 0 ? atOnceUsers(users) : rampUsers(users).during(Duration.ofSeconds(rampSeconds))))
        .protocols(LoadSettings.protocol())
        .assertions(
            global().failedRequests().count().is(0L),
            details(GROUP).failedRequests().count().is(0L),
            details(GROUP, "leave").successfulRequests().count().is((long) users),
            details(GROUP, "emit ice-candidate").successfulRequests().count().is((long) users * perUser));
  }
}
