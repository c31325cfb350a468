package io.circus.cli.ctl;

/** {@code stop [NAME] [--waiting] [--match M]}. */
final class Stop extends SelectionCommand {

  Stop() {
    super("stop", "Stop watchers",
        """
            Stops the watchers <name> matches (a shell pattern by default), or every watcher
            when no name is given; circusd keeps running. With --waiting, answers once their
            processes are gone.""");
  }
}
