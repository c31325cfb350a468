package io.circus.arbiter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RespawnThrottleTest {

  private static final long MS = 1_000_000L;
  private static final long MAX_DELAY = 5_000 * MS;
  private final RespawnThrottle throttle = new RespawnThrottle();

  @Test
  void exitsWithinTheBurstAreRespawnedAtOnce() {
    for (int i = 0; i < 10; i++) {
      throttle.exitSeen(i * MS, 10, MAX_DELAY);
    }
    assertThat(throttle.delayBeforeRespawn(10 * MS, 10)).isZero();
  }

  @Test
  void anExitBeyondTheBurstDelaysTheNextRespawnBy100Ms() {
    for (int i = 0; i <= 10; i++) {
      throttle.exitSeen(i * MS, 10, MAX_DELAY);
    }
    assertThat(throttle.delayBeforeRespawn(10 * MS, 10)).isEqualTo(100 * MS);
  }

  @Test
  void theDelayDoublesWhileTheLoopGoesOnAndStopsAtTheCap() {
    for (int i = 0; i <= 10; i++) {
      throttle.exitSeen(i * MS, 10, 300 * MS);
    }
    long now = 10 * MS;
    long first = throttle.delayBeforeRespawn(now, 10);
    now += first;
    throttle.exitSeen(now, 10, 300 * MS);
    long second = throttle.delayBeforeRespawn(now, 10);
    now += second;
    throttle.exitSeen(now, 10, 300 * MS);
    long third = throttle.delayBeforeRespawn(now, 10);
    now += third;
    throttle.exitSeen(now, 10, 300 * MS);
    long fourth = throttle.delayBeforeRespawn(now, 10);

    assertThat(first).isEqualTo(100 * MS);
    assertThat(second).isEqualTo(200 * MS);
    assertThat(third).isEqualTo(300 * MS);
    assertThat(fourth).isEqualTo(300 * MS);
  }

  @Test
  void aQuietWindowResetsTheDelay() {
    for (int i = 0; i <= 10; i++) {
      throttle.exitSeen(i * MS, 10, MAX_DELAY);
    }
    long later = 5_000 * MS;
    assertThat(throttle.delayBeforeRespawn(later, 10)).isZero();
    for (int i = 0; i <= 10; i++) {
      throttle.exitSeen(later + i * MS, 10, MAX_DELAY);
    }
    assertThat(throttle.delayBeforeRespawn(later + 10 * MS, 10)).isEqualTo(100 * MS);
  }
}
