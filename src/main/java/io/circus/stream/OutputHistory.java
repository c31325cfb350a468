package io.circus.stream;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The last output of one process, for {@code tail}: a ring of its latest blocks holding about
 * {@value #MAX_BYTES} bytes. Written by the reactor thread, read by any: its own small lock.
 */
final class OutputHistory {

  static final int MAX_BYTES = 32 * 1024;

  /** A block and its place in the order of the watcher's output. */
  record Entry(long sequence, OutputBlock block) {
  }

  private final ArrayDeque<Entry> entries = new ArrayDeque<>();
  private int bytes;
  private volatile boolean exited;

  synchronized void add(long sequence, OutputBlock block) {
    OutputBlock kept = block.data().length <= MAX_BYTES ? block : tail(block);
    entries.addLast(new Entry(sequence, kept));
    bytes += kept.data().length;
    while (bytes > MAX_BYTES && entries.size() > 1) bytes -= entries.removeFirst().block().data().length;
  }

  synchronized List<Entry> entries() {
    return new ArrayList<>(entries);
  }

  void exited() {
    exited = true;
  }

  boolean hasExited() {
    return exited;
  }

  /** The end of a block too big to keep whole, from a line start when there is one. */
  private static OutputBlock tail(OutputBlock block) {
    byte[] data = block.data();
    int from = data.length - MAX_BYTES;
    for (int i = from; i < data.length - 1; i++) {
      if (data[i] == '\n') {
        from = i + 1;
        break;
      }
    }
    return new OutputBlock(block.watcher(), block.pid(), block.stream(), Arrays.copyOfRange(data, from, data.length),
        block.timeMillis());
  }
}
