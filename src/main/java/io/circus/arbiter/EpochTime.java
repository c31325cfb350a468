package io.circus.arbiter;

import java.time.Instant;

/** Seconds since the epoch as a double, the way Circus stamps events and replies. */
public final class EpochTime {

  private EpochTime() {
  }

  public static double now() {
    Instant now = Instant.now();
    return now.getEpochSecond() + now.getNano() / 1e9;
  }
}
