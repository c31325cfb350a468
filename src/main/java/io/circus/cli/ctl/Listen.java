package io.circus.cli.ctl;

import java.util.List;

/**
 * {@code listen [TOPIC...]}: subscribes to circusd's events (all of them, or the topics starting
 * with one of the prefixes given) and prints each as {@code b'<topic>': b'<json>'} until
 * interrupted (exit status 1, as circusctl). Its endpoint is the events one.
 */
public final class Listen implements CtlCommand {

  @Override
  public String name() {
    return "listen";
  }

  @Override
  public String summary() {
    return "Subscribe to a watcher event";
  }

  @Override
  public String usage() {
    return "[<topic>...]";
  }

  @Override
  public String description() {
    return """
        Prints circusd's events as they happen, until Ctrl-C: spawn, reap, kill, start,
        stop, updated, reload, add, remove. A topic is a prefix such as watcher.web. (the
        events of web) or watcher.web.spawn. --endpoint must name the events endpoint
        (pubsub_endpoint, tcp://127.0.0.1:5556 by default); --config reads it.""";
  }

  @Override
  public boolean takesWatcherName() {
    return false;
  }

  /** The topic prefixes to subscribe to: those given, or {@code ""} (everything). */
  List<String> topics(Arguments arguments) {
    return arguments.count() == 0 ? List.of("") : arguments.positionals();
  }
}
