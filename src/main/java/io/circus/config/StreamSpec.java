package io.circus.config;

import java.util.Map;

/**
 * One of {@code stdout_stream.*} / {@code stderr_stream.*}: the stream class (Circus short name
 * such as {@code FileStream}, a Circus dotted name, or a Java class name) and its other options
 * as text, in configuration order.
 */
public record StreamSpec(String className, Map<String, String> options) {
  public StreamSpec {
    options = Map.copyOf(options);
  }
}
