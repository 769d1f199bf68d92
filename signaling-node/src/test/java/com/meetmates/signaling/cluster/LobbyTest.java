package com.meetmates.signaling.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.meetmates.signaling.chat.WaitingEntry;
import java.util.AbstractMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The matching table: same preference first, then the other one, first come first served within each. */
class LobbyTest {

  private final Map.Entry<String, Lobby> lobby = new AbstractMap.SimpleEntry<>(Lobby.KEY, null);

  private String arrive(String id, boolean withVideo) {
    QueueEntry partner = new Lobby.EnqueueOrMatch(QueueEntry.of(new WaitingEntry(id, "node", withVideo, 1)))
        .process(lobby);
    return partner == null ? null : partner.socketId;
  }

  private void queue(String id, boolean withVideo) {
    Lobby queues = lobby.getValue() == null ? new Lobby() : lobby.getValue();
    queues.append(QueueEntry.of(new WaitingEntry(id, "node", withVideo, 1)));
    lobby.setValue(queues);
  }

  @Test
  void firstArrivalWaits() {
    assertThat(arrive("a", true)).isNull();
    assertThat(lobby.getValue().size()).isEqualTo(1);
  }

  @Test
  void videoUserTakesTheWaitingVideoUserBeforeAnEarlierTextUser() {
    queue("text-early", false);
    queue("video-late", true);

    assertThat(arrive("video", true)).isEqualTo("video-late");
  }

  @Test
  void textUserTakesTheWaitingTextUserBeforeAnEarlierVideoUser() {
    queue("video-early", true);
    queue("text-late", false);

    assertThat(arrive("text", false)).isEqualTo("text-late");
  }

  @Test
  void withNoSamePreferenceWaitingTheOtherPreferenceIsTaken() {
    queue("video", true);

    assertThat(arrive("text", false)).isEqualTo("video");
    assertThat(lobby.getValue()).isNull();
  }

  @Test
  void usersOfOnePreferenceAreTakenInArrivalOrder() {
    queue("first", true);
    queue("second", true);

    assertThat(arrive("x", true)).isEqualTo("first");
    assertThat(arrive("y", true)).isEqualTo("second");
  }

  @Test
  void queueingAgainReplacesTheOldEntryInsteadOfMatchingWithItself() {
    assertThat(arrive("a", false)).isNull();

    assertThat(arrive("a", true)).isNull();

    assertThat(lobby.getValue().size()).isEqualTo(1);
    assertThat(lobby.getValue().video).extracting(entry -> entry.socketId).containsExactly("a");
  }

  @Test
  void leavingEmptiesTheLobbyEntry() {
    queue("a", true);

    new Lobby.Leave("a").process(lobby);

    assertThat(lobby.getValue()).isNull();
  }
}
