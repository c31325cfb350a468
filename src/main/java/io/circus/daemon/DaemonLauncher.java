package io.circus.daemon;

import io.circus.config.CircusConfig;
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

  /** Returns the exit status for a failure to start, 0 once the daemon runs. */
  public static int run(CircusConfig config, String pidfile, boolean detach, List<String> vertxArgs,
      Class<?> mainClass, List<String> originalArgs) {
    if (detach && !Detach.isDetachedChild()) {
      return Detach.relaunchDetached(mainClass.getName(), originalArgs);
    }
    if (config.arbiter().umask() != null) {
      DaemonProcess.setUmask(config.arbiter().umask());
    }
    CircusdHooks hooks = CircusdHooks.forConfig(config, pidfile);
    int status = new CircusdApplication(vertxArgs.toArray(String[]::new), hooks).launch();
    if (status != 0) {
      return status;
    }
    DaemonSignals.install(hooks.vertx(), hooks.verticle());
    if (Detach.isDetachedChild()) {
      Detach.reportReadyAndLeaveTerminal();
    }
    return 0;
  }
}
