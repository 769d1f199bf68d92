package com.meetmates.signaling.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import com.meetmates.signaling.node.observability.LogContext;
import com.meetmates.signaling.node.observability.LogFormat;
import com.meetmates.signaling.node.observability.LogSetup;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/** The node's own logback.xml with LOG_FORMAT=json: one JSON object per line, naming the node and the socket. */
class JsonLogTest {

  @RegisterExtension
  static final NodeFixture node = NodeFixture.forClass(1);

  private final ByteArrayOutputStream console = new ByteArrayOutputStream();
  private PrintStream originalOut;

  @BeforeEach
  void logJsonToACapturedConsole() {
    originalOut = System.out;
    System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
    LogSetup.use(LogFormat.JSON);
  }

  @AfterEach
  void restoreTestLogging() throws Exception {
    System.setOut(originalOut);
    LogContext.nodeOfThisProcess(null);
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.reset();
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(getClass().getClassLoader().getResource("logback-test.xml"));
  }

  @Test
  void lineAboutASocketCarriesItsSocketIdAndNodeId() throws Exception {
    try (ChatClient client = ChatClient.connect(node.url(), ChatClient.WEBSOCKET_ONLY, Map.of())) {
      client.request("webrtc-offer", "not an object");

      JSONObject line = awaitLine("rejected");
      assertThat(line.getString("socketId")).isEqualTo(client.id());
      assertThat(line.getString("nodeId")).isEqualTo(node.node(0).nodeId());
      assertThat(line.getString("level")).isEqualTo("INFO");
      assertThat(line.has("@timestamp")).isTrue();
    }
  }

  @Test
  void lineOutsideAnySocketNamesTheNodeThisProcessRuns() throws Exception {
    LogContext.nodeOfThisProcess("node-of-this-process");

    LoggerFactory.getLogger(JsonLogTest.class).info("a line of the node itself");

    JSONObject line = awaitLine("a line of the node itself");
    assertThat(line.getString("nodeId")).isEqualTo("node-of-this-process");
    assertThat(line.has("socketId")).isFalse();
  }

  private JSONObject awaitLine(String messagePart) throws Exception {
    await().atMost(Duration.ofSeconds(10)).until(() -> lines().stream().anyMatch(line -> line.contains(messagePart)));
    List<String> lines = lines();
    lines.forEach(line -> assertThat(line).as("every console line is one JSON object").startsWith("{").endsWith("}"));
    return new JSONObject(lines.stream().filter(line -> line.contains(messagePart)).findFirst().orElseThrow());
  }

  private List<String> lines() {
    return Arrays.stream(console.toString(StandardCharsets.UTF_8).split("\n")).filter(line -> !line.isBlank())
        .toList();
  }
}
