package io.circus.stream;

import io.circus.config.StreamSpec;
import io.circus.process.OutputKind;
import io.circus.process.ProcessListener;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * The output of one watcher's processes: the streams its stdout and stderr go to (swapped when
 * its configuration changes), the recent output of its processes for {@code tail} (the live ones
 * and the last {@value #EXITED_KEPT} that exited) and their live publication on the bus.
 * {@link #configure}, {@link #listener} and {@link #close} belong to the watcher's owner context;
 * the rest is safe from any thread.
 */
public final class WatcherOutput {

  static final int EXITED_KEPT = 8;

  private final String watcher;
  private final OutputStreams streams;
  private final OutputBroadcaster broadcaster;
  /** The number of the last block recorded; guarded by this. */
  private long sequence;
  private final Deque<ProcessOutput> processes = new ConcurrentLinkedDeque<>();
  /** Indexed by {@link OutputKind#ordinal()}; null when the output is not piped. */
  private final StreamSpec[] specs = new StreamSpec[OutputKind.values().length];
  private final SinkChannel[] channels = new SinkChannel[OutputKind.values().length];

  WatcherOutput(String watcher, OutputStreams streams, OutputBroadcaster broadcaster) {
    this.watcher = watcher;
    this.streams = streams;
    this.broadcaster = broadcaster;
  }

  /** Uses these streams from now on (null: none); an unchanged one is kept, a replaced one closed after its last write. */
  public void configure(StreamSpec stdout, StreamSpec stderr) {
    use(OutputKind.STDOUT, stdout);
    use(OutputKind.STDERR, stderr);
  }

  /** Wraps the listener of a new process so that its output goes where this watcher's goes. */
  public ProcessListener listener(ProcessListener exits) {
    forgetOldExited();
    ProcessOutput output = new ProcessOutput(this, exits);
    processes.addLast(output);
    return output;
  }

  /** The last {@code count} lines the processes wrote, oldest first, over all of them in the order they came. */
  public List<RecentLine> recent(int count) {
    return between(count, 0, Long.MAX_VALUE);
  }

  /**
   * The last {@code count} lines of the blocks numbered after {@code after} up to now, and the
   * number of now. Live messages carry their block's number ({@code seq}): a live tail prints those
   * after it, and asks again for what lies between when it sees a gap (messages published before
   * its subscription took effect, or dropped), so no line shows twice and none goes missing while
   * the history still holds it.
   */
  public Recent recentAndSequence(int count, long after) {
    long upTo;
    synchronized (this) {
      upTo = sequence; // every block numbered up to here is in its history (see record)
    }
    return new Recent(between(count, after, upTo), upTo);
  }

  /** Lines for {@code tail}, and the sequence number of the last output block they may come from. */
  public record Recent(List<RecentLine> lines, long sequence) {
  }

  private List<RecentLine> between(int count, long after, long upTo) {
    List<OutputHistory.Entry> entries = new ArrayList<>();
    for (ProcessOutput p : processes) {
      p.history().entries().stream().filter(e -> e.sequence() > after && e.sequence() <= upTo).forEach(entries::add);
    }
    entries.sort(Comparator.comparingLong(OutputHistory.Entry::sequence));
    List<RecentLine> lines = new ArrayList<>();
    for (int i = entries.size() - 1; i >= 0 && lines.size() < count; i--) {
      OutputBlock block = entries.get(i).block();
      List<byte[]> blockLines = block.lines();
      for (int j = blockLines.size() - 1; j >= 0 && lines.size() < count; j--) {
        lines.add(new RecentLine(block.pid(), block.stream(), new String(blockLines.get(j), StandardCharsets.UTF_8)));
      }
    }
    Collections.reverse(lines);
    return lines;
  }

  /** The stream instance the output of {@code kind} goes to, once it wrote (for a {@link QueueStream}'s queue). */
  public Optional<CircusStream> stream(OutputKind kind) {
    SinkChannel channel = channels[kind.ordinal()];
    return channel == null ? Optional.empty() : channel.stream();
  }

  /** Bytes of output lost so far on the way to {@code kind}'s stream (closed, failing, or dropping). */
  public long lostBytes(OutputKind kind) {
    SinkChannel channel = channels[kind.ordinal()];
    return channel == null ? 0 : channel.lostBytes();
  }

  /** Lets go of the streams: what they hold is written, then they close (unless another watcher shares them). */
  public Future<Void> close() {
    return Future.join(List.of(use(OutputKind.STDOUT, null), use(OutputKind.STDERR, null))).mapEmpty();
  }

  String name() {
    return watcher;
  }

  /**
   * Numbers a block of a process's output and keeps it in the process's history, in one step, so
   * that {@link #recentAndSequence} never sees a number whose block is not in a history yet.
   */
  synchronized long record(OutputHistory history, OutputBlock block) {
    history.add(++sequence, block);
    return sequence;
  }

  SinkChannel channel(OutputKind kind) {
    return channels[kind.ordinal()];
  }

  OutputBroadcaster broadcaster() {
    return broadcaster;
  }

  private Future<Void> use(OutputKind kind, StreamSpec spec) {
    int i = kind.ordinal();
    if (Objects.equals(specs[i], spec)) return Future.succeededFuture();
    SinkChannel old = channels[i];
    specs[i] = spec;
    channels[i] = spec == null ? null : streams.acquire(watcher, kind.circusName(), spec);
    return old == null ? Future.succeededFuture() : streams.release(old);
  }

  private void forgetOldExited() {
    int exited = 0;
    for (Iterator<ProcessOutput> newestFirst = processes.descendingIterator(); newestFirst.hasNext(); ) {
      if (newestFirst.next().history().hasExited() && ++exited > EXITED_KEPT) newestFirst.remove();
    }
  }
}
