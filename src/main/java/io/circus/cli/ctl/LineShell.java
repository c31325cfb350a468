package io.circus.cli.ctl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The shell when stdin is not a terminal (a pipe, a file): prints the prompt, reads a line, runs
 * it, until the end of the input; then a newline, as circusctl 0.19's shell prints.
 */
final class LineShell {

  static final String PROMPT = "(circusctl) ";

  private LineShell() {
  }

  static void run(ShellInterpreter interpreter, Console console) {
    BufferedReader input = new BufferedReader(new InputStreamReader(console.in(), StandardCharsets.UTF_8));
    try {
      while (true) {
        console.out().print(PROMPT);
        console.out().flush();
        String line = input.readLine();
        if (line == null) break;
        interpreter.execute(line);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    console.out().println();
  }
}
