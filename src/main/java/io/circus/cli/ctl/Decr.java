package io.circus.cli.ctl;

/** {@code decr NAME [NB] [--waiting]}. */
final class Decr extends ProcessCountCommand {

  Decr() {
    super("decr", "Decrement the number of processes in a watcher",
        """
            Removes <nb> processes (1 by default) from the watcher, the oldest first, down to
            zero. With --waiting, answers once they are stopped and prints the new number of
            processes; otherwise prints ok. A singleton watcher keeps its single process.""");
  }
}
