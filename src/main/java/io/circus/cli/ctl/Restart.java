package io.circus.cli.ctl;

/** {@code restart [NAME] [--waiting] [--match M]}. */
final class Restart extends SelectionCommand {

  Restart() {
    super("restart", "Restart the arbiter or a watcher",
        """
            Stops then starts the watchers <name> matches (a shell pattern by default). Without
            a name, restarts the whole arbiter: every watcher, as read from the configuration
            file again. With --waiting, answers once they run again.""");
  }
}
