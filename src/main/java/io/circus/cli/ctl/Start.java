package io.circus.cli.ctl;

/** {@code start [NAME] [--waiting] [--match M]}. */
final class Start extends SelectionCommand {

  Start() {
    super("start", "Start the arbiter or a watcher",
        """
            Starts the watchers <name> matches (a shell pattern by default), or every watcher
            with autostart when no name is given. With --waiting, answers once they run.""");
  }
}
