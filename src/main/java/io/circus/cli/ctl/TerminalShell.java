package io.circus.cli.ctl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The shell on a terminal, with JLine: line editing, history kept in
 * {@code ~/.circusctl_history}, Tab completing command names and then watcher names. Ctrl-D or
 * Ctrl-C at the prompt ends it (as in circusctl 0.19); Ctrl-C while a command waits ends that
 * command. Only this class touches JLine, so circusctl loads it only for a terminal.
 */
final class TerminalShell {

  private TerminalShell() {
  }

  static void run(ShellInterpreter interpreter, Console console) {
    try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
      // Ctrl-C outside the prompt: end the command that waits (the prompt itself handles its own).
      terminal.handle(Terminal.Signal.INT, signal -> console.interruption().interrupt());
      LineReader reader = LineReaderBuilder.builder().terminal(terminal).appName("circusctl")
          .completer((lineReader, line, candidates) -> complete(interpreter, line, candidates))
          .variable(LineReader.HISTORY_FILE, historyFile(console))
          .build();
      while (true) {
        String line;
        try {
          line = reader.readLine(LineShell.PROMPT);
        } catch (UserInterruptException | EndOfFileException end) {
          break;
        }
        interpreter.execute(line);
      }
      // JLine has already ended the line; circusctl 0.19's shell also ends on a new line.
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path historyFile(Console console) {
    return Path.of(console.env().getOrDefault("HOME", "."), ".circusctl_history");
  }

  private static void complete(ShellInterpreter interpreter, ParsedLine line, List<Candidate> candidates) {
    boolean helpTopic = line.wordIndex() == 1 && line.words().get(0).equals("help");
    if (line.wordIndex() == 0 || helpTopic) {
      Commands.NAMES.forEach(name -> candidates.add(new Candidate(name)));
      if (!helpTopic) candidates.add(new Candidate("help"));
    } else if (line.wordIndex() == 1 && takesWatcherName(line.words().get(0))) {
      interpreter.session().watcherNames().forEach(name -> candidates.add(new Candidate(name)));
    }
  }

  private static boolean takesWatcherName(String word) {
    CtlCommand command = Commands.named(word);
    return command != null && command.takesWatcherName();
  }
}
