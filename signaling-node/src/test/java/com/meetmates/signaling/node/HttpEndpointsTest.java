package com.meetmates.signaling.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The node's plain HTTP routes beside /socket.io/. */
class HttpEndpointsTest {

  private static final String ICE = "[{\"urls\":\"stun:stun.example.org:3478\"}]";

  @RegisterExtension
  static final NodeFixture node = NodeFixture.forClass(1, Map.of(NodeConfig.ICE_SERVERS, ICE));
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(node.url() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void healthAnswersUp() throws Exception {
    HttpResponse<String> response = get("/health");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(new JSONObject(response.body()).getString("status")).isEqualTo("UP");
  }

  @Test
  void readyAnswersTrueOnceTheClusterIsJoined() throws Exception {
    HttpResponse<String> response = get("/ready");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(new JSONObject(response.body()).getBoolean("ready")).isTrue();
  }

  @Test
  void iceServersAreTheConfiguredOnes() throws Exception {
    HttpResponse<String> response = get("/ice-servers");

    assertThat(new JSONObject(response.body()).getJSONArray("iceServers").getJSONObject(0).getString("urls"))
        .isEqualTo("stun:stun.example.org:3478");
  }

  @Test
  void socketIoHandshakeIsServedUnderSocketIoPath() throws Exception {
    HttpResponse<String> response = get("/socket.io/?EIO=4&transport=polling");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).startsWith("0{\"sid\":");
  }
}
