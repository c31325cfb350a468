package io.circus.arbiter;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Keeps a crash-looping watcher from respawning in a tight loop while letting ordinary crashes
 * be replaced at once. Circus respawns only on its periodic check (every 5 s), which throttles
 * by accident; here a process that dies is replaced immediately, unless the watcher has seen more
 * than {@code burst} unexpected exits within the last {@link #WINDOW_NANOS}: then respawns wait,
 * 100 ms the first time, doubling up to {@code maxDelay}, until a window passes under the burst.
 */
final class RespawnThrottle {

  static final long WINDOW_NANOS = 1_000_000_000L;
  private static final long FIRST_DELAY_NANOS = 100_000_000L;

  private final Deque<Long> recentExits = new ArrayDeque<>();
  private long notBefore;
  private long nextDelay = FIRST_DELAY_NANOS;

  /** Records an unexpected exit seen at {@code now} (nanoTime). */
  void exitSeen(long now, int burst, long maxDelayNanos) {
    recentExits.addLast(now);
    forgetBefore(now - WINDOW_NANOS);
    if (recentExits.size() > burst) {
      notBefore = now + nextDelay;
      nextDelay = Math.min(maxDelayNanos, nextDelay * 2);
    }
  }

  /** Nanoseconds to wait before the next respawn, 0 when it may happen now. */
  long delayBeforeRespawn(long now, int burst) {
    forgetBefore(now - WINDOW_NANOS);
    if (recentExits.size() <= burst && now >= notBefore) {
      nextDelay = FIRST_DELAY_NANOS;
    }
    return Math.max(0, notBefore - now);
  }

  private void forgetBefore(long limit) {
    while (!recentExits.isEmpty() && recentExits.peekFirst() < limit) {
      recentExits.removeFirst();
    }
  }
}
