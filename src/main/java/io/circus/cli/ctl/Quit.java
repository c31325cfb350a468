package io.circus.cli.ctl;

/** {@code quit [--waiting]}: stops every watcher, then circusd. */
final class Quit extends WaitingCommand {

  Quit() {
    super("quit", "Quit the arbiter immediately",
        """
            Stops every watcher, then circusd itself. With --waiting, answers once all the
            processes are gone (each may take its graceful timeout).""");
  }
}
