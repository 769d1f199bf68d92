package com.meetmates.signaling.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.core.HazelcastInstance;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 7, point 4: a rolling restart of the 3-node local cluster (SIGTERM to each node in turn,
 * as a Kubernetes rollout does) while six users chat through HAProxy.
 *
 * <p>The Java socket.io client (engine.io-client-java 2.1.0 over OkHttp) does not notice a WebSocket
 * that the server closes with a close frame (it never answers the frame, so OkHttp never reports the
 * close): such a user learns that its node drained only at its ping timeout. The nodes therefore
 * run with a short ping cycle here, and "in a pair" is checked by messages that really arrive,
 * not by what the client believes.
 */
class LocalClusterRollingRestartTest {
  private static final Logger LOG = LoggerFactory.getLogger(LocalClusterRollingRestartTest.class);
  private static final int NODES = 3;
  private static final int USERS_PER_NODE = 2;
  private static final int USERS = NODES * USERS_PER_NODE;
  private static final Duration SETTLE_LIMIT = Duration.ofSeconds(60);
  private static final Duration RETRY_EVERY = Duration.ofSeconds(1);
  private static final long MESSAGE_SECONDS = 3;
  private static final String CLUSTER_NAME = "test-" + UUID.randomUUID();

  private static LocalCluster cluster;
  private final List<ChattingUser> users = new ArrayList<>();

  @BeforeAll
  static void startCluster() {
    Path work = Path.of("target", "local-cluster-rolling-restart-test").toAbsolutePath();
    cluster = LocalCluster.up(NODES,
        Map.of("CLUSTER_NAME", CLUSTER_NAME), work);
  }

  @AfterAll
  static void stopCluster() {
    cluster.down();
  }

  @AfterEach
  void leave() {
    users.forEach(ChattingUser::close);
  }

  @Test
  void everyUserKeepsChattingOrGetsPartnerLeftAndIsMatchedAgainAndNothingIsLeftBehind() throws Exception {
    for (int node = 1; node <= NODES; node++) {
      users.add(ChattingUser.defaultTransports("default@node" + node, cluster.ports().balancerPort(), "node" + node).start());
      users.add(ChattingUser.websocketOnly("websocket@node" + node, cluster.ports().balancerPort(), "node" + node).start());
    }
    awaitEveryoneChattingForReal("before the restart");

    cluster.script().run("restart");

    awaitEveryoneChattingForReal("after the restart");
    users.forEach(LocalClusterRollingRestartTest::neverGotANewPartnerSilently);
    assertSharedStateHoldsOnlyTheLiveSessionsAndPairs();
    users.forEach(user -> LOG.info("{}", user));
  }

  /** Every user is connected, in a pair both members agree on, and hears what its partner says. */
  private void awaitEveryoneChattingForReal(String when) {
    AtomicInteger round = new AtomicInteger();
    await().atMost(SETTLE_LIMIT).pollInterval(RETRY_EVERY).untilAsserted(() -> {
      Map<String, ChattingUser> byId = users.stream()
          .filter(ChattingUser::connected)
          .collect(Collectors.toMap(ChattingUser::id, user -> user, (first, second) -> first));
      assertThat(byId).as("connected users: %s", users).hasSize(USERS);
      for (ChattingUser user : users) {
        ChattingUser partner = byId.get(user.partner());
        assertThat(partner).as("partner of %s", user).isNotNull();
        assertThat(partner.partner()).as("partner of %s", partner).isEqualTo(user.id());
      }
      for (ChattingUser user : users) {
        ChattingUser partner = byId.get(user.partner());
        String text = when + ", round " + round.incrementAndGet() + ", from " + user.name();
        user.say(text);
        assertThat(awaitMessage(partner, text)).as("%s hears %s", partner, user).isTrue();
      }
    });
  }

  /** A user never gets a new partner silently: the old pair ended by partnerLeft or by its own reconnection. */
  private static void neverGotANewPartnerSilently(ChattingUser user) {
    List<String> journal = user.journal();
    boolean paired = false;
    for (String entry : journal) {
      if (entry.startsWith(ChattingUser.CHAT_START)) {
        assertThat(paired).as("%s: a new chatStart without partnerLeft or reconnection before it", user).isFalse();
        paired = true;
      } else if (entry.startsWith(ChattingUser.PARTNER_LEFT) || entry.startsWith(ChattingUser.DISCONNECT)) {
        paired = false;
      }
    }
  }

  private static boolean awaitMessage(ChattingUser user, String text) throws InterruptedException {
    for (String received = user.nextMessage(MESSAGE_SECONDS); received != null; received = user.nextMessage(MESSAGE_SECONDS)) {
      if (received.equals(text)) {
        return true;
      }
    }
    return false;
  }

  private static void assertSharedStateHoldsOnlyTheLiveSessionsAndPairs() {
    ClientConfig config = new ClientConfig().setClusterName(CLUSTER_NAME);
    config.setProperty("hazelcast.logging.type", "slf4j");
    config.setProperty("hazelcast.phone.home.enabled", "false");
    for (int port = 0; port < NODES; port++) {
      config.getNetworkConfig().addAddress("127.0.0.1:" + (cluster.ports().hazelcastBasePort() + port));
    }
    HazelcastInstance client = HazelcastClient.newHazelcastClient(config);
    try {
      await().atMost(SETTLE_LIMIT).untilAsserted(() -> {
        assertThat(client.getMap("meetmates.sessions").size()).isEqualTo(USERS);
        assertThat(client.getMap("meetmates.pairs").size()).isEqualTo(USERS / 2);
      });
    } finally {
      client.shutdown();
    }
  }
}
