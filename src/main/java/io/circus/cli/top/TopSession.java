package io.circus.cli.top;

import io.circus.client.CircusEvent;
import io.circus.client.EventSubscriber;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.Display;
import org.jline.utils.InfoCmp.Capability;
import org.jline.utils.NonBlockingReader;

/**
 * circus-top on a terminal: reads the stats stream into a {@link StatsBoard} and redraws the
 * {@link TopScreen} in place once a second (only what changed is sent, which keeps it light over
 * ssh), until {@code q}, Ctrl-C or the end of the input. One thread: it waits on the keyboard for
 * a tenth of a second at a time, and takes what the stream brought in between.
 */
public final class TopSession {

  private static final Duration REPAINT = Duration.ofSeconds(1);
  private static final long KEY_WAIT_MILLIS = 100;
  private static final int CTRL_C = 3;

  private final Terminal terminal;
  private final EventSubscriber stream;
  private final StatsBoard board;
  private volatile boolean interrupted;

  /** @param processTimeout how long a process (or group) stays shown without news of it */
  public TopSession(Terminal terminal, EventSubscriber stream, Duration processTimeout) {
    this.terminal = terminal;
    this.stream = stream;
    this.board = new StatsBoard(processTimeout.toNanos());
  }

  /** Runs until the user quits; the terminal is left as it was found. */
  public void run() throws IOException {
    Attributes saved = terminal.enterRawMode();
    Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, signal -> interrupted = true);
    terminal.puts(Capability.enter_ca_mode);
    terminal.puts(Capability.cursor_invisible);
    Display display = new Display(terminal, true);
    try {
      NonBlockingReader keys = terminal.reader();
      long nextPaint = System.nanoTime();
      while (!interrupted) {
        int key = keys.read(KEY_WAIT_MILLIS);
        if (key == 'q' || key == 'Q' || key == CTRL_C || key == NonBlockingReader.EOF) {
          break;
        }
        takeWhatCame();
        long now = System.nanoTime();
        if (now - nextPaint >= 0) {
          board.expire(now);
          paint(display);
          nextPaint = now + REPAINT.toNanos();
        }
      }
    } finally {
      terminal.puts(Capability.cursor_visible);
      terminal.puts(Capability.exit_ca_mode);
      terminal.flush();
      terminal.handle(Terminal.Signal.INT, previous);
      terminal.setAttributes(saved);
    }
  }

  private void takeWhatCame() {
    Optional<CircusEvent> message;
    while ((message = stream.receive(Duration.ZERO)).isPresent()) {
      board.accept(message.get().topic(), message.get().data(), System.nanoTime());
    }
  }

  private void paint(Display display) {
    Size size = terminal.getSize();
    // A terminal that cannot tell its size (a pipe) gets Circus's minimum, 80 x 24.
    int rows = size.getRows() > 0 ? size.getRows() : 24;
    int columns = size.getColumns() > 0 ? size.getColumns() : 80;
    display.resize(rows, columns);
    List<AttributedString> lines = new ArrayList<>(); // Display.update edits the list it is given
    TopScreen.render(board, columns, rows).forEach(line -> lines.add(new AttributedString(line)));
    display.update(lines, -1);
    terminal.flush();
  }
}
