package io.circus.cli.ctl;

/** {@code incr NAME [NB] [--waiting]}. */
final class Incr extends ProcessCountCommand {

  Incr() {
    super("incr", "Increment the number of processes in a watcher",
        """
            Adds <nb> processes (1 by default) to the watcher. With --waiting, answers once
            they run and prints the new number of processes; otherwise prints ok. A singleton
            watcher keeps its single process.""");
  }
}
