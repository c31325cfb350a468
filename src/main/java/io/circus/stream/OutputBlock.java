package io.circus.stream;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Output of one process on one stream, as it was written: whole lines (each ending with {@code \n})
 * except when a process exited in the middle of a line or wrote one longer than
 * {@link LineJoiner#MAX_LINE}. The bytes are never re-encoded. Immutable by contract: the array is
 * shared between the streams, the history and the bus, so nobody may change it.
 *
 * @param watcher the watcher's name
 * @param pid the process
 * @param stream {@code "stdout"} or {@code "stderr"}
 * @param data the bytes, at least one
 * @param timeMillis when circusd read them (epoch milliseconds)
 */
public record OutputBlock(String watcher, int pid, String stream, byte[] data, long timeMillis) {

  /** The lines of {@link #data}, each without its {@code \n}; a last line without one is kept as is. */
  public List<byte[]> lines() {
    List<byte[]> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < data.length; i++) {
      if (data[i] == '\n') {
        lines.add(Arrays.copyOfRange(data, start, i));
        start = i + 1;
      }
    }
    if (start < data.length) lines.add(Arrays.copyOfRange(data, start, data.length));
    return lines;
  }
}
