package io.circus.arbiter;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.function.Supplier;

/**
 * Runs an action on the context that owns some state: at once when the caller is already there,
 * otherwise by hopping onto it. This is how the public API of the arbiter and its watchers may be
 * called from any thread while their state only ever changes on one context.
 */
final class ContextGuard {

  private final Context owner;

  ContextGuard(Context owner) {
    this.owner = owner;
  }

  <T> Future<T> call(Supplier<Future<T>> action) {
    if (Vertx.currentContext() == owner) {
      return invoke(action);
    }
    Promise<T> promise = Promise.promise();
    owner.runOnContext(v -> invoke(action).onComplete(promise));
    return promise.future();
  }

  private static <T> Future<T> invoke(Supplier<Future<T>> action) {
    try {
      return action.get();
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }
}
