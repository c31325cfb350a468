package io.circus.cli.ctl;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;

/**
 * Where circusctl reads and writes, and the environment it reads ({@code CIRCUSCTL_ENDPOINT},
 * {@code HOME}): the process's own in main, captured streams in tests. {@code terminal} is true
 * when stdin and stdout are a terminal (interactive shell with line editing, coloured JSON).
 */
public record Console(InputStream in, PrintStream out, PrintStream err, Map<String, String> env, boolean terminal,
    Interruption interruption) {

  public static Console system() {
    return new Console(System.in, System.out, System.err, System.getenv(), System.console() != null,
        new Interruption());
  }
}
