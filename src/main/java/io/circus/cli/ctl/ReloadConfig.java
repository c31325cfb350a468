package io.circus.cli.ctl;

/** {@code reloadconfig [--waiting]}: applies the configuration file's changes. */
final class ReloadConfig extends WaitingCommand {

  ReloadConfig() {
    super("reloadconfig", "Reload the configuration file",
        """
            Reads circusd's configuration file again and applies what changed: new watchers
            start, removed ones stop, changed ones are re-created. With --waiting, answers
            once that is done.""");
  }
}
