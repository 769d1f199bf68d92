package com.meetmates.signaling.node.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.meetmates.signaling.cluster.ChatStateContents;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * A node process of a three-node cluster is lost while its users are paired with users on the two other nodes:
 * killed (SIGKILL: the kernel closes its connections, the others notice at once), frozen (SIGSTOP: connections
 * stay open, only the failure detector notices, as with a machine that vanished), or stopped (SIGTERM: it drains
 * itself). The node lost is the oldest member, the one that coordinates the cluster, so that its loss also
 * moves the cluster's coordination and the partitions it owned.
 */
class NodeProcessLossTest {

  private static final int NODES = 3;
  /** Pairs between the lost node and EACH surviving node. */
  private static final int PAIRS_PER_SURVIVOR = 4;
  private static final int PAIRS_BETWEEN_SURVIVORS = 2;
  /** What the product promises the partners of a killed node's users. */
  private static final Duration KILLED_DEADLINE = Duration.ofSeconds(15);
  /** A stopping node ends its pairs itself: its users' partners never wait for the failure detector. */
  private static final Duration STOPPED_DEADLINE = Duration.ofSeconds(3);
  /** How long past a deadline the test still waits, to report a late arrival with its delay. */
  private static final Duration LATE_REPORT = Duration.ofSeconds(10);
  private static final Duration SETTLED = Duration.ofSeconds(15);
  /** The node's drain timeout (10 s) plus its graceful leave of the cluster, with room for a busy machine. */
  private static final Duration STOPPED_EXIT = Duration.ofSeconds(40);
  /**
   * What the stock socket.io client reports when the server closed the connection without a Socket.IO
   * DISCONNECT, after which it reconnects by itself (through the balancer, to another node): "transport close"
   * in a browser, "transport error" in the Java client, whose OkHttp fails at the close frame the server sends
   * inside an unfinished message (see WebSocketTransport#close). After a DISCONNECT it would report
   * "io server disconnect" and stay away.
   */
  private static final Set<String> CLOSED_TO_RECONNECT = Set.of("transport close", "transport error");

  private final Users users = new Users();
  private NodeProcesses nodes;

  /** The users around the node that will be lost, and the two surviving nodes. */
  private record Spread(int lost, int survivorA, int survivorB, List<CrossPair> across,
      List<List<ChatUser>> betweenSurvivors, List<ChatUser> bothOnLostNode, ChatUser waitingOnLostNode) {

    List<ChatUser> usersOnLostNode() {
      return Stream.concat(Stream.concat(across.stream().map(CrossPair::onLostNode), bothOnLostNode.stream()),
          Stream.of(waitingOnLostNode)).toList();
    }

    List<ChatUser> leftAlone() {
      return across.stream().map(CrossPair::onSurvivor).toList();
    }

    List<ChatUser> usersOnSurvivors() {
      return Stream.concat(leftAlone().stream(), betweenSurvivors.stream().flatMap(List::stream)).toList();
    }
  }

  /** A pair whose partners sit on the node that will be lost and on a surviving node. */
  private record CrossPair(ChatUser onSurvivor, ChatUser onLostNode) {
  }

  @AfterEach
  void stopEverything() {
    users.close();
    if (nodes != null) {
      nodes.close();
    }
  }

  @Test
  void killedNodesPartnersOnTheSurvivorsHearOnePartnerLeftWithin15sAndNothingOfItStays(TestInfo test)
      throws Exception {
    nodes = NodeProcesses.start(NODES, logDirectory(test));
    Spread spread = spreadAround(nodes.oldestMember());

    long killed = nodes.kill(spread.lost());

    assertEveryPartnerHeardPartnerLeftWithin(spread, killed, KILLED_DEADLINE, "SIGKILL");
    assertNothingOfTheLostNodeStays(spread);
    assertUsersKeepBeingMatchedOnTheSurvivors(spread);
    assertEachPartnerHeardExactlyOnePartnerLeft(spread);
  }

  @Test
  void frozenNodesPartnersOnTheSurvivorsHearOnePartnerLeftWithin15sAndNothingOfItStays(TestInfo test)
      throws Exception {
    nodes = NodeProcesses.start(NODES, logDirectory(test));
    Spread spread = spreadAround(nodes.oldestMember());

    long frozen = nodes.freeze(spread.lost());

    assertEveryPartnerHeardPartnerLeftWithin(spread, frozen, KILLED_DEADLINE, "SIGSTOP");
    assertNothingOfTheLostNodeStays(spread);
    assertUsersKeepBeingMatchedOnTheSurvivors(spread);
    assertEachPartnerHeardExactlyOnePartnerLeft(spread);
  }

  @Test
  void stoppedNodesPartnersHearPartnerLeftAtOnceItsUsersAreSentElsewhereAndNothingOfItStays(TestInfo test)
      throws Exception {
    assertThat(STOPPED_DEADLINE).as("a deadline that only a node settling its own pairs can meet")
        .isLessThan(Duration.ofSeconds(ClusterConfigFiles.failureDetectionSeconds()));
    nodes = NodeProcesses.start(NODES, logDirectory(test));
    Spread spread = spreadAround(nodes.oldestMember());

    long terminated = nodes.terminate(spread.lost());

    assertEveryPartnerHeardPartnerLeftWithin(spread, terminated, STOPPED_DEADLINE, "SIGTERM");
    assertUsersOfTheLostNodeWereDisconnectedToReconnect(spread, terminated);
    nodes.awaitExit(spread.lost(), STOPPED_EXIT);
    assertPartnersHeardPartnerLeftBeforeTheNodeLeftTheCluster(spread, terminated);
    assertNothingOfTheLostNodeStays(spread);
    assertUsersKeepBeingMatchedOnTheSurvivors(spread);
    assertEachPartnerHeardExactlyOnePartnerLeft(spread);
  }

  /**
   * Pairs between the lost node and each survivor (either side queueing first), pairs between the survivors,
   * a pair with both users on the lost node, and one user of the lost node left waiting in the queue.
   */
  private Spread spreadAround(int lost) throws Exception {
    int survivorA = (lost + 1) % NODES;
    int survivorB = (lost + 2) % NODES;
    List<CrossPair> across = new ArrayList<>();
    for (int i = 0; i < PAIRS_PER_SURVIVOR; i++) {
      for (int survivor : new int[] {survivorA, survivorB}) {
        CrossPair pair = new CrossPair(users.connect(nodes.url(survivor)), users.connect(nodes.url(lost)));
        if (i % 2 == 0) {
          Users.pair(pair.onSurvivor(), pair.onLostNode());
        } else {
          Users.pair(pair.onLostNode(), pair.onSurvivor());
        }
        across.add(pair);
      }
    }
    List<List<ChatUser>> betweenSurvivors = new ArrayList<>();
    for (int i = 0; i < PAIRS_BETWEEN_SURVIVORS; i++) {
      List<ChatUser> pair = List.of(users.connect(nodes.url(survivorA)), users.connect(nodes.url(survivorB)));
      Users.pair(pair.get(0), pair.get(1));
      betweenSurvivors.add(pair);
    }
    List<ChatUser> bothOnLostNode = List.of(users.connect(nodes.url(lost)), users.connect(nodes.url(lost)));
    Users.pair(bothOnLostNode.get(0), bothOnLostNode.get(1));
    ChatUser waiting = users.connect(nodes.url(lost));
    waiting.findChat();
    Spread spread = new Spread(lost, survivorA, survivorB, across, betweenSurvivors, bothOnLostNode, waiting);

    String lostNode = nodes.nodeId(lost);
    await("the shared state holds the lost node's users before it goes").atMost(SETTLED).untilAsserted(() -> {
      ChatStateContents contents = nodes.observer().contents();
      assertThat(contents.sessionsOn(lostNode)).containsExactlyInAnyOrderElementsOf(ids(spread.usersOnLostNode()));
      assertThat(contents.pairsTouching(lostNode)).hasSize(across.size() + 1);
      assertThat(contents.waitingOn(lostNode)).extracting(ChatStateContents.WaitingView::socketId)
          .containsExactly(waiting.id());
    });
    return spread;
  }

  private void assertEveryPartnerHeardPartnerLeftWithin(Spread spread, long signalledAt, Duration deadline,
      String signal) {
    await("a partnerLeft for every partner of the lost node's users").atMost(deadline.plus(LATE_REPORT))
        .untilAsserted(() -> assertThat(spread.leftAlone())
            .allSatisfy(user -> assertThat(user.count("partnerLeft")).as("partnerLefts of %s", user).isPositive()));
    List<Long> delaysMs = new ArrayList<>();
    for (CrossPair pair : spread.across()) {
      ChatUser.Received partnerLeft = pair.onSurvivor().received("partnerLeft").get(0);
      assertThat(partnerLeft.field("partnerId")).as("partnerLeft of %s", pair.onSurvivor())
          .isEqualTo(pair.onLostNode().id());
      delaysMs.add(TimeUnit.NANOSECONDS.toMillis(partnerLeft.atNanos() - signalledAt));
    }
    System.out.printf("%s: partnerLeft reached the %d partners %d to %d ms after the signal%n", signal,
        delaysMs.size(), delaysMs.stream().mapToLong(Long::longValue).min().orElseThrow(),
        delaysMs.stream().mapToLong(Long::longValue).max().orElseThrow());
    assertThat(delaysMs).as("ms from %s to each partner's partnerLeft", signal)
        .allSatisfy(delay -> assertThat(delay).isLessThanOrEqualTo(deadline.toMillis()));
  }

  private void assertUsersOfTheLostNodeWereDisconnectedToReconnect(Spread spread, long signalledAt) {
    await("a disconnect for every user of the stopped node").atMost(STOPPED_DEADLINE.plus(LATE_REPORT))
        .untilAsserted(() -> assertThat(spread.usersOnLostNode())
            .allSatisfy(user -> assertThat(user.disconnected()).as("disconnect of %s", user).isDone()));
    List<Long> delaysMs = new ArrayList<>();
    for (ChatUser user : spread.usersOnLostNode()) {
      ChatUser.Disconnect disconnect = user.disconnected().join();
      assertThat(disconnect.reason()).as("how %s was disconnected", user).isIn(CLOSED_TO_RECONNECT);
      delaysMs.add(TimeUnit.NANOSECONDS.toMillis(disconnect.atNanos() - signalledAt));
    }
    System.out.printf("SIGTERM: the stopped node's %d users were disconnected within %d ms%n", delaysMs.size(),
        delaysMs.stream().mapToLong(Long::longValue).max().orElseThrow());
    assertThat(delaysMs).allSatisfy(delay -> assertThat(delay).isLessThanOrEqualTo(STOPPED_DEADLINE.toMillis()));
  }

  /**
   * The stopped node settled its pairs itself: the survivors' clean-up of a lost member cannot have done it,
   * since every partnerLeft came while the node was still a member.
   */
  private void assertPartnersHeardPartnerLeftBeforeTheNodeLeftTheCluster(Spread spread, long signalledAt) {
    long departure = await("the stopped member's departure").atMost(STOPPED_DEADLINE)
        .until(() -> nodes.departureOf(spread.lost()), Optional::isPresent).orElseThrow();
    System.out.printf("SIGTERM: the member left the cluster %d ms after the signal%n",
        TimeUnit.NANOSECONDS.toMillis(departure - signalledAt));
    assertThat(spread.leftAlone()).allSatisfy(user ->
        assertThat(user.received("partnerLeft").get(0).atNanos()).as("partnerLeft of %s", user).isLessThan(departure));
  }

  /** No session, pair or queue entry of the lost node; the survivors' users exactly as they were. */
  private void assertNothingOfTheLostNodeStays(Spread spread) {
    String lostNode = nodes.nodeId(spread.lost());
    Set<Set<String>> survivorsPairs = spread.betweenSurvivors().stream()
        .map(pair -> Set.copyOf(ids(pair))).collect(Collectors.toSet());
    await("the shared state cleared of the lost node").atMost(SETTLED).ignoreExceptions().untilAsserted(() -> {
      ChatStateContents contents = nodes.observer().contents();
      assertThat(contents.sessionsOn(lostNode)).as("sessions of the lost node").isEmpty();
      assertThat(contents.pairsTouching(lostNode)).as("pairs with the lost node").isEmpty();
      assertThat(contents.waitingOn(lostNode)).as("queue entries of the lost node").isEmpty();
      assertThat(contents.sessions().keySet()).as("sessions")
          .containsExactlyInAnyOrderElementsOf(ids(spread.usersOnSurvivors()));
      assertThat(contents.pairedMembers()).as("pairs").isEqualTo(survivorsPairs);
      assertThat(contents.waiting()).as("queue").isEmpty();
    });
  }

  /**
   * The users left alone find new partners on the other survivor, the pairs between the survivors still
   * chat, and the lost node's users, coming back through the survivors, are matched too.
   */
  private void assertUsersKeepBeingMatchedOnTheSurvivors(Spread spread) throws Exception {
    List<ChatUser> aloneOnA = usersOn(spread.survivorA(), spread.leftAlone());
    List<ChatUser> aloneOnB = usersOn(spread.survivorB(), spread.leftAlone());
    for (int i = 0; i < PAIRS_PER_SURVIVOR; i++) {
      Users.pair(aloneOnA.get(i), aloneOnB.get(i));
    }
    ChatUser backOnA = users.connect(nodes.url(spread.survivorA()));
    ChatUser backOnB = users.connect(nodes.url(spread.survivorB()));
    Users.pair(backOnB, backOnA);
    backOnB.sendMessage("back on another node");
    List<ChatUser> oldPair = spread.betweenSurvivors().get(0);
    oldPair.get(0).sendMessage("still here");
    await().atMost(Duration.ofSeconds(ChatUser.AWAIT_SECONDS)).untilAsserted(() -> {
      assertThat(backOnA.messageTexts()).contains("back on another node");
      assertThat(oldPair.get(1).messageTexts()).contains("still here");
    });
    ChatStateContents contents = nodes.observer().contents();
    assertThat(contents.pairs()).hasSize(PAIRS_BETWEEN_SURVIVORS + PAIRS_PER_SURVIVOR + 1);
    assertThat(contents.waiting()).isEmpty();
  }

  private List<ChatUser> usersOn(int node, List<ChatUser> candidates) {
    return candidates.stream().filter(user -> user.nodeUrl().equals(nodes.url(node))).toList();
  }

  private void assertEachPartnerHeardExactlyOnePartnerLeft(Spread spread) {
    assertThat(spread.leftAlone()).allSatisfy(user ->
        assertThat(user.count("partnerLeft")).as("partnerLefts of %s", user).isEqualTo(1));
    assertThat(spread.betweenSurvivors().stream().flatMap(List::stream)).allSatisfy(user ->
        assertThat(user.count("partnerLeft")).as("partnerLefts of %s", user).isZero());
  }

  private static List<String> ids(List<ChatUser> users) {
    return users.stream().map(ChatUser::id).toList();
  }

  private static String logDirectory(TestInfo test) {
    return test.getTestClass().orElseThrow().getSimpleName() + "/" + test.getTestMethod().orElseThrow().getName();
  }
}
