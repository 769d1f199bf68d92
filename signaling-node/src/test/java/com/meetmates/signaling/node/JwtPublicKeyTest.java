package com.meetmates.signaling.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** With JWT_PUBLIC_KEY set, tokens signed by the matching private key (RS256) are accepted, others refused. */
class JwtPublicKeyTest {

  private static final KeyPair issuerKeys = rsaKeys();

  @RegisterExtension
  static final NodeFixture node = NodeFixture.forClass(1, Map.of(NodeConfig.JWT_PUBLIC_KEY,
      pem("PUBLIC KEY", issuerKeys.getPublic().getEncoded())));

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
  void tokenSignedByTheIssuersPrivateKeyConnectsWithItsEmail() throws Exception {
    try (ChatClient client = ChatClient.connect(node.url(), ChatClient.WEBSOCKET_ONLY,
        Map.of("token", token(issuerKeys, "rsa@example.com")))) {
      assertThat(client.id()).isNotNull();
    }
  }

  @Test
  void tokenSignedByAnotherKeyIsRefused() throws Exception {
    try (ChatClient client = ChatClient.open(node.url(), ChatClient.WEBSOCKET_ONLY,
        Map.of("token", token(rsaKeys(), "mallory@example.com")))) {
      Object error = client.connectError().get(ChatClient.AWAIT_SECONDS, TimeUnit.SECONDS);
      assertThat(((JSONObject) error).getString("message")).isEqualTo("unauthorized");
    }
  }

  private static String token(KeyPair keys, String email) {
    JWTAuth issuer = JWTAuth.create(vertx, new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm("RS256").setBuffer(pem("PRIVATE KEY", keys.getPrivate().getEncoded()))));
    return issuer.generateToken(new JsonObject().put("email", email),
        new JWTOptions().setAlgorithm("RS256").setExpiresInSeconds(3600));
  }

  private static KeyPair rsaKeys() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has RSA", e);
    }
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder().encodeToString(der) + "\n-----END " + type + "-----\n";
  }
}
