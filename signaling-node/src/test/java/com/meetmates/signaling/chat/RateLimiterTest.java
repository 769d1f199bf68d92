package com.meetmates.signaling.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.meetmates.signaling.chat.RateLimiter.Verdict;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The token bucket on a clock the test moves. */
class RateLimiterTest {

  private static final long SECOND = 1_000_000_000L;

  private final AtomicLong now = new AtomicLong();

  private RateLimiter limiter(double perSecond, int burst, int abuseDrops) {
    ChatSettings defaults = ChatSettings.defaults();
    return new RateLimiter(new ChatSettings(defaults.maxSdpBytes(), defaults.maxMessageChars(),
        defaults.maxCandidateBytes(), defaults.replayCandidates(), perSecond, burst, abuseDrops, 10_000), now::get);
  }

  @Test
  void aFullBucketPassesTheBurstThenDrops() {
    RateLimiter limiter = limiter(10, 3, 100);

    assertThat(limiter.acquire()).isEqualTo(Verdict.ACCEPT);
    assertThat(limiter.acquire()).isEqualTo(Verdict.ACCEPT);
    assertThat(limiter.acquire()).isEqualTo(Verdict.ACCEPT);
    assertThat(limiter.acquire()).isEqualTo(Verdict.DROP);
  }

  @Test
  void tokensComeBackAtTheConfiguredRate() {
    RateLimiter limiter = limiter(10, 1, 100);
    limiter.acquire();
    assertThat(limiter.acquire()).isEqualTo(Verdict.DROP);

    now.addAndGet(SECOND / 10);

    assertThat(limiter.acquire()).isEqualTo(Verdict.ACCEPT);
  }

  @Test
  void enoughDropsWithinTheWindowDisconnect() {
    RateLimiter limiter = limiter(1, 1, 3);
    limiter.acquire();

    assertThat(limiter.acquire()).isEqualTo(Verdict.DROP);
    assertThat(limiter.acquire()).isEqualTo(Verdict.DROP);
    assertThat(limiter.acquire()).isEqualTo(Verdict.DISCONNECT);
  }

  @Test
  void dropsSpreadOverSeveralWindowsDoNotDisconnect() {
    RateLimiter limiter = limiter(0.001, 1, 3);
    limiter.acquire();
    for (int i = 0; i < 10; i++) {
      assertThat(limiter.acquire()).isEqualTo(Verdict.DROP);
      assertThat(limiter.acquire()).isEqualTo(Verdict.DROP);
      now.addAndGet(11 * SECOND);
    }
  }

  @Test
  void zeroRateTurnsLimitingOff() {
    RateLimiter limiter = limiter(0, 1, 1);

    for (int i = 0; i < 1000; i++) {
      assertThat(limiter.acquire()).isEqualTo(Verdict.ACCEPT);
    }
  }
}
