package com.meetmates.signaling.engineio;

import java.security.SecureRandom;
import java.util.Base64;

/** Session ids as the reference server makes them: 15 random bytes, base64url, 20 characters. */
final class SessionIds {

  private static final int RANDOM_BYTES = 15;

  private final SecureRandom random = new SecureRandom();
  private final Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();

  String next() {
    byte[] bytes = new byte[RANDOM_BYTES];
    random.nextBytes(bytes);
    return encoder.encodeToString(bytes);
  }
}
