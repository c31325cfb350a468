package io.circus.commands;

import io.circus.arbiter.Arbiter;
import io.circus.arbiter.EventPublisher;
import io.circus.stats.ProcessSampler;
import io.vertx.core.Vertx;

/**
 * What a command works with: the arbiter, the event stream, the daemon, process statistics, and
 * the notes plugins attach to watchers.
 */
public record CommandContext(Vertx vertx, Arbiter arbiter, EventPublisher events, DaemonControl daemon,
    ProcessSampler sampler, WatcherNotes notes) {

  public CommandContext(Vertx vertx, Arbiter arbiter, EventPublisher events, DaemonControl daemon, ProcessSampler sampler) {
    this(vertx, arbiter, events, daemon, sampler, new WatcherNotes());
  }
}
