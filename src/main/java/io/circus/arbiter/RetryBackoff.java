package io.circus.arbiter;

/**
 * Delay before the next attempt to start a process that failed to start: 100 ms after the first
 * failure, doubling, at most 5 s. Circus retries at once, in a loop that blocks the daemon when
 * {@code max_retry} is -1; spacing the attempts keeps the daemon responsive and gives a
 * transient cause (a file being deployed, a user being created) time to go away.
 */
final class RetryBackoff {

  private static final long FIRST_MS = 100;
  private static final long MAX_MS = 5_000;

  private RetryBackoff() {
  }

  static long delayMillis(int failedAttempts) {
    long delay = FIRST_MS << Math.min(failedAttempts - 1, 16);
    return Math.min(MAX_MS, delay);
  }
}
