package io.circus.cli.ctl;

import java.time.Duration;
import java.util.Map;

/**
 * A parsed command line: the global options given (by name; switches hold {@code "true"}), the
 * command (null: none, the interactive shell) and its arguments.
 */
record Invocation(Map<String, String> globals, CtlCommand command, Arguments arguments) {

  Invocation {
    globals = Map.copyOf(globals);
  }

  boolean given(String global) {
    return globals.containsKey(global);
  }

  String global(String name) {
    return globals.get(name);
  }

  boolean json() {
    return given("json");
  }

  boolean prettify() {
    return given("prettify");
  }

  boolean help() {
    return given("help");
  }

  /** {@code --timeout}, 5 s by default (the parser checked it is a number of seconds). */
  Duration timeout() {
    String seconds = globals.get("timeout");
    if (seconds == null) return Duration.ofSeconds(5);
    // A year stands for "forever" and keeps deadlines far from overflowing.
    return Duration.ofMillis((long) Math.min(Double.parseDouble(seconds) * 1000, 365 * 86400e3));
  }
}
