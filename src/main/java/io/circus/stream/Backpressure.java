package io.circus.stream;

import java.util.Locale;

/**
 * What happens when a stream cannot keep up and its queue is full ({@code stdout_stream.backpressure}).
 */
public enum Backpressure {
  /**
   * The default: circusd stops reading the pipes of the processes writing to the stream until it
   * caught up; a process that fills its pipe then waits in write. Nothing is lost.
   */
  PAUSE,
  /** Output that does not fit in the queue is dropped and counted; processes never wait. */
  DROP;

  public static Backpressure parse(String text) {
    return valueOf(text.strip().toUpperCase(Locale.ROOT));
  }
}
