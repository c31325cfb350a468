package io.circus.stream;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Map;

/**
 * Circus's {@code FileStream}: appends to {@code filename}; with {@code max_bytes} and
 * {@code backup_count} both above 0, rotates as Python's RotatingFileHandler does: before a write
 * that would take the file past {@code max_bytes}, {@code app.log} becomes {@code app.log.1}, the
 * older ones shift up to {@code app.log.<backup_count>} and the oldest is deleted. Rotation cuts
 * between lines, so each file holds at most {@code max_bytes} unless one line alone is longer.
 */
public class FileStream extends FileStreamBase {

  private final long maxBytes;
  private final int backupCount;

  public FileStream(Map<String, String> options) {
    super(options);
    StreamOptions o = new StreamOptions(options);
    this.maxBytes = o.number("max_bytes", 0, 0);
    this.backupCount = (int) Math.min(Integer.MAX_VALUE, o.number("backup_count", 0, 0));
  }

  @Override
  public void write(OutputBlock block) throws IOException {
    byte[] data = bytesOf(block);
    if (maxBytes <= 0 || backupCount <= 0) {
      file.add(data);
      return;
    }
    int start = 0;
    while (start < data.length) {
      long room = maxBytes - file.size();
      int end = lastLineEnd(data, start, room);
      if (end == start && file.size() > 0) {
        rotate();
        continue;
      }
      if (end == start) end = nextLineEnd(data, start); // one line longer than max_bytes: alone in its file
      file.add(Arrays.copyOfRange(data, start, end));
      start = end;
    }
  }

  /** Shifts {@code name.i} to {@code name.i+1} (the last one falls off) and the file to {@code name.1}. */
  private void rotate() throws IOException {
    file.close();
    Path base = file.path();
    for (int i = backupCount - 1; i >= 1; i--) {
      Path from = backup(base, i);
      if (Files.exists(from)) Files.move(from, backup(base, i + 1), StandardCopyOption.REPLACE_EXISTING);
    }
    if (Files.exists(base)) Files.move(base, backup(base, 1), StandardCopyOption.REPLACE_EXISTING);
  }

  private static Path backup(Path base, int index) {
    return base.resolveSibling(base.getFileName() + "." + index);
  }

  /** The end (exclusive) of the last whole line from {@code start} within {@code room} bytes; start if none fits. */
  private static int lastLineEnd(byte[] data, int start, long room) {
    long limit = Math.min(data.length, start + Math.max(0, room));
    if (limit == data.length) return data.length;
    for (int i = (int) limit - 1; i >= start; i--) {
      if (data[i] == '\n') return i + 1;
    }
    return start;
  }

  private static int nextLineEnd(byte[] data, int start) {
    for (int i = start; i < data.length; i++) {
      if (data[i] == '\n') return i + 1;
    }
    return data.length;
  }
}
