package io.circus.arbiter;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/**
 * What a {@link Hook} is told: which hook runs ({@code before_spawn}, ...), for which watcher, and
 * the details Circus passes as keyword arguments: {@code pid} (after_spawn, before_signal,
 * after_signal, extended_stats), {@code signum} (the signal hooks), {@code process_pid},
 * {@code time} and {@code exit_code} (the reap hooks), {@code stats} (extended_stats: the process
 * record, which the hook may change to extend the reply). {@code details} is the hook's own copy.
 * The watcher's methods may be called from the hook's thread; its {@code vertx} reaches the event
 * bus (the commands at {@code circus.command}).
 */
public record HookCall(String hookName, Watcher watcher, Vertx vertx, JsonObject details) {
}
