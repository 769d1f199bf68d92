package com.meetmates.signaling.node.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.meetmates.signaling.node.NodeConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.json.JSONException;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * What a log collector gets from a real node JVM started as the container image starts it: the node's own
 * logback.xml with LOG_FORMAT=json, from the work on a socket to the last line of the drain a SIGTERM starts.
 * One node is enough: the lines are the node's own.
 */
class NodeProcessJsonLogTest {

  private static final Map<String, String> JSON_LOGS = Map.of(NodeConfig.LOG_FORMAT, "json");
  private static final Duration LOGGED = Duration.ofSeconds(20);
  /** The node's drain timeout plus its graceful leave of the cluster, with room for a busy machine. */
  private static final Duration STOPPED_EXIT = Duration.ofSeconds(40);
  private static final String NODE_ID = "nodeId";

  private final Users users = new Users();
  private NodeProcesses nodes;

  @AfterEach
  void stopEverything() {
    users.close();
    if (nodes != null) {
      nodes.close();
    }
  }

  @Test
  void lineAboutASocketsRejectedEventNamesTheSocketAndTheNode(TestInfo test) throws Exception {
    nodes = NodeProcesses.start(1, logDirectory(test), JSON_LOGS);
    ChatUser user = users.connect(nodes.url(0));

    user.send("webrtc-offer", "not an object");

    JSONObject rejected = await("the node's line about the rejected event").atMost(LOGGED)
        .until(() -> firstLine(line -> message(line).contains("rejected")), Optional::isPresent).orElseThrow();
    assertThat(rejected.getString("socketId")).isEqualTo(user.id());
    assertThat(rejected.getString(NODE_ID)).isEqualTo(nodes.nodeId(0));
  }

  @Test
  void everyLineOfTheDrainASigtermStartsNamesTheNodeUpToItsStoppedLine(TestInfo test) throws Exception {
    nodes = NodeProcesses.start(1, logDirectory(test), JSON_LOGS);
    users.connect(nodes.url(0)).findChat();
    String node = nodes.nodeId(0);
    int linesBefore = jsonLines().size();

    nodes.terminate(0);
    nodes.awaitExit(0, STOPPED_EXIT);

    List<JSONObject> lines = jsonLines();
    List<JSONObject> drain = lines.subList(linesBefore, lines.size());
    assertThat(drain).as("lines after the SIGTERM").isNotEmpty()
        .allSatisfy(line -> assertThat(line.optString(NODE_ID)).as("nodeId of %s", line).isEqualTo(node));
    assertThat(message(drain.get(drain.size() - 1))).isEqualTo("node " + node + " stopped");
  }

  private Optional<JSONObject> firstLine(Predicate<JSONObject> condition) throws IOException {
    return jsonLines().stream().filter(condition).findFirst();
  }

  /** Every line the node wrote that is a JSON object (the JVM's own warnings before logging starts are not). */
  private List<JSONObject> jsonLines() throws IOException {
    return Files.readAllLines(nodes.log(0)).stream().map(NodeProcessJsonLogTest::parse).flatMap(Optional::stream)
        .toList();
  }

  private static Optional<JSONObject> parse(String line) {
    if (!line.startsWith("{")) {
      return Optional.empty();
    }
    try {
      return Optional.of(new JSONObject(line));
    } catch (JSONException e) {
      return Optional.empty();
    }
  }

  private static String message(JSONObject line) {
    return line.optString("message");
  }

  private static String logDirectory(TestInfo test) {
    return test.getTestClass().orElseThrow().getSimpleName() + "/" + test.getTestMethod().orElseThrow().getName();
  }
}
