package io.circus.commands;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.function.Supplier;

/**
 * A prepared command: the operation, whose result fields are merged into the reply, and whether
 * it is deferred (SPEC.md §1.6: without {@code waiting} the reply is a bare ok sent at once while
 * the operation goes on; with {@code waiting} the reply waits for the result). {@code afterReply}
 * runs once the reply is on its way (quit uses it to exit).
 */
public record Execution(Supplier<Future<JsonObject>> operation, boolean deferred, Runnable afterReply) {

  /** A result known at once. */
  public static Execution result(JsonObject fields) {
    return new Execution(() -> Future.succeededFuture(fields), false, null);
  }

  /** A result that takes some time to compute but is always waited for (stats, for example). */
  public static Execution computed(Supplier<Future<JsonObject>> operation) {
    return new Execution(operation, false, null);
  }

  /** An operation answered at once with a bare ok, unless the client asked to wait for it. */
  public static Execution deferred(Supplier<Future<JsonObject>> operation) {
    return new Execution(operation, true, null);
  }

  public Execution thenAfterReply(Runnable action) {
    return new Execution(operation, deferred, action);
  }
}
