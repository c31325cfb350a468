package io.circus.stream;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * A file opened for appending (O_APPEND, so several writers of one file never overwrite each
 * other), opened on first use and after a close. Writes are gathered: up to {@link #BATCH_BYTES}
 * go to the kernel in one call.
 */
final class AppendFile implements AutoCloseable {

  static final int BATCH_BYTES = 1 << 20;
  private static final int BATCH_BUFFERS = 64;

  private final Path path;
  private final List<ByteBuffer> batch = new ArrayList<>();
  private long batchBytes;
  private FileChannel channel;
  private Object openedKey;
  private long written;

  AppendFile(Path path) {
    this.path = path;
  }

  Path path() {
    return path;
  }

  /** The file's size including what is gathered but not yet written. */
  long size() throws IOException {
    open();
    return written + batchBytes;
  }

  void add(byte[] data) throws IOException {
    open();
    batch.add(ByteBuffer.wrap(data));
    batchBytes += data.length;
    if (batchBytes >= BATCH_BYTES || batch.size() >= BATCH_BUFFERS) flush();
  }

  /** Writes what is gathered; on failure it is lost and the file is closed, to be opened anew. */
  void flush() throws IOException {
    if (batch.isEmpty()) return;
    ByteBuffer[] buffers = batch.toArray(ByteBuffer[]::new);
    long total = batchBytes;
    batch.clear();
    batchBytes = 0;
    try {
      long done = 0;
      while (done < total) done += channel.write(buffers);
      written += done;
    } catch (IOException e) {
      close();
      throw e;
    }
  }

  /**
   * True when the path no longer names the file being written (moved or deleted, as logrotate
   * does); a file not opened yet counts as the same.
   */
  boolean replaced() throws IOException {
    if (channel == null) return false;
    try {
      return !Files.readAttributes(path, BasicFileAttributes.class).fileKey().equals(openedKey);
    } catch (NoSuchFileException gone) {
      return true;
    }
  }

  @Override
  public void close() throws IOException {
    if (channel == null) return;
    try {
      flush();
    } finally {
      FileChannel open = channel;
      channel = null;
      open.close();
    }
  }

  private void open() throws IOException {
    if (channel != null) return;
    Path parent = path.toAbsolutePath().getParent();
    if (parent != null) Files.createDirectories(parent);
    channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    written = channel.size();
    openedKey = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
  }
}
