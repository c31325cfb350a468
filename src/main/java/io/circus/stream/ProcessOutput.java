package io.circus.stream;

import io.circus.process.ChildProcess;
import io.circus.process.ExitStatus;
import io.circus.process.OutputKind;
import io.circus.process.ProcessListener;
import java.nio.ByteBuffer;

/**
 * What the reactor reads of one process, on the reactor thread: cut into whole lines, kept in the
 * process's history, published live and offered to the watcher's stream; when the stream is full
 * under {@link Backpressure#PAUSE}, the process's pipes are paused until it drained. At exit, a
 * last line without a newline is passed on before the exit itself.
 */
final class ProcessOutput implements ProcessListener {

  private final WatcherOutput owner;
  private final ProcessListener exits;
  private final OutputHistory history = new OutputHistory();
  private final LineJoiner[] joiners = {new LineJoiner(), new LineJoiner()};

  ProcessOutput(WatcherOutput owner, ProcessListener exits) {
    this.owner = owner;
    this.exits = exits;
  }

  OutputHistory history() {
    return history;
  }

  @Override
  public void onOutput(ChildProcess process, OutputKind kind, ByteBuffer data) {
    byte[] lines = joiners[kind.ordinal()].take(data);
    if (lines != null) pass(process, kind, lines);
  }

  @Override
  public void onExit(ChildProcess process, ExitStatus status) {
    for (OutputKind kind : OutputKind.values()) {
      byte[] rest = joiners[kind.ordinal()].flush();
      if (rest != null) pass(process, kind, rest);
    }
    history.exited();
    exits.onExit(process, status);
  }

  private void pass(ChildProcess process, OutputKind kind, byte[] data) {
    OutputBlock block = new OutputBlock(owner.name(), process.pid(), kind.circusName(), data, System.currentTimeMillis());
    long sequence = owner.record(history, block);
    owner.broadcaster().offer(sequence, block);
    SinkChannel channel = owner.channel(kind);
    if (channel != null && !channel.offer(block)) {
      process.pauseOutput(true);
      channel.whenDrained(() -> process.pauseOutput(false));
    }
  }
}
