package com.meetmates.signaling.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** With JWT_SECRET set, the handshake's auth.token must be a valid JWT; its email claim signs the messages. */
class JwtHandshakeTest {

  private static final String SECRET = "test-secret-that-is-long-enough-for-hs256";

  @RegisterExtension
  static final NodeFixture node = NodeFixture.forClass(1, Map.of(NodeConfig.JWT_SECRET, SECRET));

  private static Vertx vertx;

  @BeforeAll
  static void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stopVertx() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void validTokenConnectsAndItsEmailSignsTheMessages() throws Exception {
    try (ChatClient alice = connectWith(token(SECRET, "alice@example.com", 3600));
        ChatClient bob = connectWith(token(SECRET, "bob@example.com", 3600))) {
      assertThat(alice.request("findChat", "ignored@example.com", false).getBoolean("ok")).isTrue();
      assertThat(bob.request("findChat", "ignored@example.com", false).getBoolean("ok")).isTrue();
      alice.next("chatStart");
      bob.next("chatStart");

      alice.emit("sendMessage", "hi bob");

      JSONObject message = bob.nextObject("message");
      assertThat(message.getString("senderEmail")).isEqualTo("alice@example.com");
      assertThat(message.getString("sender")).isEqualTo(alice.id());
    }
  }

  @Test
  void missingTokenIsRefused() throws Exception {
    assertRefused(Map.of());
  }

  @Test
  void expiredTokenIsRefused() throws Exception {
    assertRefused(Map.of("token", token(SECRET, "late@example.com", -3600)));
  }

  @Test
  void tokenSignedWithAnotherSecretIsRefused() throws Exception {
    assertRefused(Map.of("token", token("another-secret-that-is-long-enough-for-hs256", "mallory@example.com", 3600)));
  }

  @Test
  void tokenThatIsNotAJwtIsRefused() throws Exception {
    assertRefused(Map.of("token", "not.a.jwt"));
  }

  private static ChatClient connectWith(String token) throws Exception {
    return ChatClient.connect(node.url(), ChatClient.WEBSOCKET_ONLY, Map.of("token", token));
  }

  private static void assertRefused(Map<String, String> auth) throws Exception {
    try (ChatClient client = ChatClient.open(node.url(), ChatClient.DEFAULT_TRANSPORTS, auth)) {
      Object error = client.connectError().get(ChatClient.AWAIT_SECONDS, TimeUnit.SECONDS);
      assertThat(((JSONObject) error).getString("message")).isEqualTo("unauthorized");
      assertThat(client.connected()).isNotDone();
    }
    assertThat(node.node(0).chat().localSessions()).isZero();
  }

  /** A token signed with that secret whose expiry is that many seconds from now (negative: already expired). */
  private static String token(String secret, String email, long expiresInSeconds) {
    JWTAuth issuer = JWTAuth.create(vertx, new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(secret)));
    long now = System.currentTimeMillis() / 1000;
    return issuer.generateToken(new JsonObject().put("email", email).put("exp", now + expiresInSeconds),
        new JWTOptions().setNoTimestamp(true));
  }
}
