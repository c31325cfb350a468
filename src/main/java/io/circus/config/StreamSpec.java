package io.circus.config;

import java.util.List;
import java.util.Map;

/**
 * One of {@code stdout_stream.*} / {@code stderr_stream.*}: the stream class (Circus short name
 * such as {@code FileStream}, a Circus dotted name, or a Java class name) and its other options
 * as text, in configuration order.
 */
public record StreamSpec(String className, Map<String, String> options) {

  /** How circusd feeds a stream when it falls behind: {@code pause} (the default) or {@code drop}. */
  public static final String BACKPRESSURE = "backpressure";
  /** How many bytes of output may wait for a stream. */
  public static final String QUEUE_BYTES = "queue_bytes";
  /** Options of every stream class that are circusd's, not the class's. */
  public static final List<String> FEEDING_KEYS = List.of(BACKPRESSURE, QUEUE_BYTES);
  /** Not less than one read of a pipe. */
  public static final long MIN_QUEUE_BYTES = 64 * 1024;

  public StreamSpec {
    options = Map.copyOf(options);
  }
}
