package io.circus.daemon;

import io.circus.config.CircusConfig;
import io.circus.config.ConfigException;
import io.circus.process.DaemonProcess;
import io.circus.process.Detach;
import java.util.List;

/**
 * Starts the daemon: in the foreground on Vert.x's launcher, or, with {@code --daemon}, as a
 * detached copy of this JVM that reports back once it is up (see {@link Detach}).
 */
public final class DaemonLauncher {

  private DaemonLauncher() {
  }

  /**
   * Returns 1 when the daemon could not start (the reason is logged), 0 once it runs.
   *
   * @throws ConfigException when the configuration turns out unusable as the daemon starts (a
   *     socket that cannot be bound)
   */
  public static int run(CircusConfig config, String pidfile, boolean detach, List<String> vertxArgs,
      Class<?> mainClass, List<String> originalArgs) {
    if (detach && !Detach.isDetachedChild()) {
      return Detach.relaunchDetached(mainClass.getName(), originalArgs);
    }
    if (config.arbiter().umask() != null) {
      DaemonProcess.setUmask(config.arbiter().umask());
    }
    CircusdHooks hooks = CircusdHooks.forConfig(config, pidfile);
    // Before the launch: a signal that comes while the watchers start must not meet the JVM's
    // default action (exit without stopping them).
    DaemonSignals.install(hooks.shutdown(), hooks.verticle());
    int status = new CircusdApplication(vertxArgs.toArray(String[]::new), hooks).launch();
    if (status != 0) {
      if (hooks.refusedConfiguration().isPresent()) {
        throw hooks.refusedConfiguration().get();
      }
      return 1; // one status for every refused start, whatever Vert.x's launcher reported
    }
    if (Detach.isDetachedChild()) {
      Detach.reportReadyAndLeaveTerminal();
    }
    return 0;
  }
}
