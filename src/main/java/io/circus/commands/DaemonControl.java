package io.circus.commands;

import io.circus.config.ConfigDiff;
import io.vertx.core.Future;

/** What commands may ask of the daemon as a whole. */
public interface DaemonControl {

  /** Reads the configuration file again and applies the difference (reloadconfig). */
  Future<ConfigDiff> reloadConfiguration();

  /**
   * Stops every watcher and starts again from the configuration file, in this process, keeping
   * the control endpoints open (restart without a name).
   */
  Future<Void> restartArbiter();

  /** Stops every watcher; completes when they are all stopped. */
  Future<Void> stopAllForQuit();

  /**
   * Ends the daemon once the stop started by {@link #stopAllForQuit} is complete; called once the
   * quit reply is on its way.
   */
  void exit();

  /** circusd's working directory, which watchers without working_dir run in. */
  String workingDirectory();
}
