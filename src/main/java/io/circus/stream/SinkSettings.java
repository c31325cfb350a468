package io.circus.stream;

import io.circus.config.StreamSpec;
import io.circus.config.Values;

/**
 * How circusd feeds one stream ({@link StreamSpec#FEEDING_KEYS}, set beside its options and taken
 * out before the stream sees them): {@code backpressure} ({@link Backpressure}, default pause) and
 * {@code queue_bytes} (how much output may wait for the stream, default {@value #DEFAULT_QUEUE_BYTES}).
 */
public record SinkSettings(Backpressure backpressure, long queueBytes) {

  public static final long DEFAULT_QUEUE_BYTES = 4L << 20;

  public static SinkSettings of(StreamSpec spec) {
    String policy = spec.options().get(StreamSpec.BACKPRESSURE);
    String queue = spec.options().get(StreamSpec.QUEUE_BYTES);
    return new SinkSettings(policy == null ? Backpressure.PAUSE : Backpressure.parse(policy),
        queue == null ? DEFAULT_QUEUE_BYTES : Values.integer(queue, StreamSpec.MIN_QUEUE_BYTES, Long.MAX_VALUE));
  }
}
