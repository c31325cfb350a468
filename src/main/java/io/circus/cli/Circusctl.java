package io.circus.cli;

import io.circus.cli.ctl.Console;
import io.circus.cli.ctl.Interruption;
import io.circus.cli.ctl.Program;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * {@code circusctl [--endpoint E] [--config FILE] [--timeout S] [--json] [--prettify] COMMAND
 * [ARGS]}: controls circusd as Circus 0.19's circusctl does (same commands, output and exit
 * statuses); without a command, an interactive shell. See {@link Program}.
 *
 * <p>Its own argument parser rather than picocli: picocli's classes (Java 5 class files, not
 * archivable by CDS, verified by the old verifier) cost circusctl about 100 ms of start-up, more
 * than half of its budget.
 */
public final class Circusctl {

  private Circusctl() {
  }

  public static void main(String[] args) {
    PrintStream out = utf8(FileDescriptor.out);
    PrintStream err = utf8(FileDescriptor.err);
    Interruption interruption = new Interruption();
    Console console = new Console(System.in, out, err, System.getenv(), System.console() != null, interruption);
    Signal.handle(new Signal("INT"), new CtrlC(interruption, out, err));
    int status = Program.run(List.of(args), console);
    out.flush();
    err.flush();
    System.exit(status);
  }

  /**
   * Ctrl-C: a waiting command ends by itself; otherwise circusctl ends here, as circusctl 0.19
   * does. A class rather than a lambda: the first lambda of a JVM costs circusctl ~20 ms.
   */
  private static final class CtrlC implements SignalHandler {
    private final Interruption interruption;
    private final PrintStream out;
    private final PrintStream err;

    CtrlC(Interruption interruption, PrintStream out, PrintStream err) {
      this.interruption = interruption;
      this.out = out;
      this.err = err;
    }

    @Override
    public void handle(Signal signal) {
      if (!interruption.interrupt()) {
        if (interruption.idleExitStatus() == 0) out.println();
        out.flush();
        err.flush();
        Runtime.getRuntime().halt(interruption.idleExitStatus());
      }
    }
  }

  /** Python writes UTF-8 whatever the locale; buffered, flushed by circusctl at each step. */
  private static PrintStream utf8(FileDescriptor fd) {
    return new PrintStream(new BufferedOutputStream(new FileOutputStream(fd), 8192), false, StandardCharsets.UTF_8);
  }
}
