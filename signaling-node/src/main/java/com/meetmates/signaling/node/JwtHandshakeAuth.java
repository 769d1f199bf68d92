package com.meetmates.signaling.node;

import com.meetmates.signaling.socketio.ConnectionMiddleware;
import com.meetmates.signaling.socketio.SocketIoSocket;
import io.vertx.core.Vertx;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses a connection whose handshake {@code auth.token} is not a valid JWT (signature, expiry); the
 * token's {@code email} claim becomes the socket's sender email.
 */
final class JwtHandshakeAuth implements ConnectionMiddleware {

  static final String REFUSAL = "unauthorized";

  private static final Logger LOG = LoggerFactory.getLogger(JwtHandshakeAuth.class);

  private final JWTAuth jwt;

  private JwtHandshakeAuth(JWTAuth jwt) {
    this.jwt = jwt;
  }

  /** The middleware if a secret or public key is configured; empty (no authentication) otherwise. */
  static Optional<JwtHandshakeAuth> from(Vertx vertx, NodeConfig config) {
    Optional<String> key = config.jwtPublicKey().or(config::jwtSecret);
    return key.map(material -> new JwtHandshakeAuth(JWTAuth.create(vertx, new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm(config.jwtAlgorithm()).setBuffer(material)))));
  }

  @Override
  public void handle(SocketIoSocket socket, Next next) {
    if (!(socket.handshake().auth().getValue("token") instanceof String token) || token.isBlank()) {
      LOG.info("socket {}: refused, no auth.token in the handshake", socket.id());
      next.refuse(REFUSAL);
      return;
    }
    jwt.authenticate(new TokenCredentials(token)).onComplete(result -> {
      if (result.failed()) {
        LOG.info("socket {}: refused, invalid token: {}", socket.id(), result.cause().getMessage());
        next.refuse(REFUSAL);
        return;
      }
      String email = result.result().principal().getString("email");
      if (email != null && !email.isBlank()) {
        socket.attributes().put(SocketIoChatBinding.SENDER_EMAIL, email);
      }
      next.proceed();
    });
  }
}
