package com.meetmates.signaling.socketio;

import java.security.SecureRandom;
import java.util.Base64;

/** Random, unguessable socket ids in the shape of the reference server's (20 URL-safe characters). */
final class SocketIds {

  private static final int RANDOM_BYTES = 15;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  private SocketIds() {
  }

  static String next() {
    byte[] bytes = new byte[RANDOM_BYTES];
    RANDOM.nextBytes(bytes);
    return ENCODER.encodeToString(bytes);
  }
}
