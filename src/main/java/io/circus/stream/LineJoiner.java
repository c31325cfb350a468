package io.circus.stream;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Cuts the byte stream of one pipe into blocks of whole lines: a line split across two reads is
 * joined, never cut. Only a line longer than {@link #MAX_LINE} is passed on in pieces, so one
 * process cannot make circusd hold unbounded memory. Not thread-safe: one pipe, one reader.
 */
final class LineJoiner {

  static final int MAX_LINE = 1 << 20;
  private static final int KEPT_CAPACITY = 64 * 1024;
  private static final byte[] NONE = new byte[0];

  private byte[] pending = NONE;
  private int pendingLength;

  /**
   * Takes what was read (consuming the buffer) and returns the whole lines it completes, with the
   * part of a line held back from earlier reads in front; null when it completes none.
   */
  byte[] take(ByteBuffer data) {
    int start = data.position();
    int lastNewline = -1;
    for (int i = data.limit() - 1; i >= start; i--) {
      if (data.get(i) == '\n') {
        lastNewline = i;
        break;
      }
    }
    if (lastNewline < 0) {
      keep(data);
      return pendingLength >= MAX_LINE ? flush() : null;
    }
    int whole = lastNewline + 1 - start;
    byte[] block = new byte[pendingLength + whole];
    System.arraycopy(pending, 0, block, 0, pendingLength);
    data.get(block, pendingLength, whole);
    pendingLength = 0;
    keep(data);
    return block;
  }

  /** The part of a line held back (the writer exited without ending it), or null when there is none. */
  byte[] flush() {
    if (pendingLength == 0) return null;
    byte[] rest = Arrays.copyOf(pending, pendingLength);
    pendingLength = 0;
    if (pending.length > KEPT_CAPACITY) pending = NONE;
    return rest;
  }

  private void keep(ByteBuffer data) {
    int length = data.remaining();
    if (length == 0) return;
    if (pendingLength + length > pending.length) {
      pending = Arrays.copyOf(pending, Math.max(pendingLength + length, Math.max(256, pending.length * 2)));
    }
    data.get(pending, pendingLength, length);
    pendingLength += length;
  }
}
