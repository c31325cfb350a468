package io.circus.stream;

import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts output bytes lost for one reason; logs at the first loss and whenever the number of
 * losses reaches a power of two, so a sustained loss shows without flooding the log.
 */
final class LossCounter {

  private static final Logger LOG = LoggerFactory.getLogger(LossCounter.class);

  private final String what;
  private final AtomicLong bytes = new AtomicLong();
  private final AtomicLong events = new AtomicLong();

  LossCounter(String what) {
    this.what = what;
  }

  void lost(long count, String reason) {
    long total = bytes.addAndGet(count);
    long times = events.incrementAndGet();
    if (Long.bitCount(times) == 1) LOG.warn("{}: {} bytes of output lost so far ({})", what, total, reason);
  }

  long bytes() {
    return bytes.get();
  }
}
