package io.circus.client;

import io.vertx.core.json.JsonObject;
import java.util.OptionalInt;

/**
 * The answer to {@code incr}/{@code decr}: the new number of processes when the call waited (or
 * the configured one for a singleton, which never changes), empty when it did not wait.
 */
public record ProcessCount(OptionalInt numprocesses, boolean singleton) {

  static ProcessCount of(JsonObject reply) {
    Object count = reply.getValue("numprocesses");
    return new ProcessCount(count instanceof Number n ? OptionalInt.of(n.intValue()) : OptionalInt.empty(),
        reply.getBoolean("singleton", false));
  }
}
