package io.circus.zmq;

import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts messages dropped for one reason and logs the count at the 1st, 2nd, 4th, 8th, ... drop:
 * an operator sees every sustained overload without a flood of log lines.
 */
final class DropCounter {

  private static final Logger log = LoggerFactory.getLogger(DropCounter.class);

  private final String what;
  private final AtomicLong dropped = new AtomicLong();

  /** @param what what is dropped and why, e.g. "pubsub tcp://127.0.0.1:5556: messages (queue full)" */
  DropCounter(String what) {
    this.what = what;
  }

  void drop() {
    long count = dropped.incrementAndGet();
    if (Long.bitCount(count) == 1) {
      log.warn("{}: {} dropped so far", what, count);
    }
  }

  long count() {
    return dropped.get();
  }
}
