package io.circus.stream;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A file opened for appending (O_APPEND, so several writers of one file never overwrite each
 * other), opened on first use and after a close. Writes are gathered in one direct buffer that
 * goes to the kernel in one call when full or flushed (a heap array given to a channel would be
 * copied into a temporary direct buffer anyway, allocated and freed over and over for big
 * writes). The buffer starts small and grows to {@link #BATCH_BYTES} once it filled up, so only
 * busy files hold a big one.
 */
final class AppendFile implements AutoCloseable {

  static final int BATCH_BYTES = 1 << 20;
  private static final int FIRST_BATCH_BYTES = 64 * 1024;

  private final Path path;
  private ByteBuffer batch;
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
    return written + batch.position();
  }

  void add(byte[] data) throws IOException {
    open();
    int offset = 0;
    while (offset < data.length) {
      int length = Math.min(batch.remaining(), data.length - offset);
      batch.put(data, offset, length);
      offset += length;
      if (!batch.hasRemaining()) {
        flush();
        if (batch.capacity() < BATCH_BYTES) batch = ByteBuffer.allocateDirect(BATCH_BYTES);
      }
    }
  }

  /** Writes what is gathered; on failure it is lost and the file is closed, to be opened anew. */
  void flush() throws IOException {
    if (batch == null || batch.position() == 0) return;
    batch.flip();
    try {
      while (batch.hasRemaining()) written += channel.write(batch);
    } catch (IOException e) {
      batch.clear();
      close();
      throw e;
    }
    batch.clear();
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
    if (batch == null) batch = ByteBuffer.allocateDirect(FIRST_BATCH_BYTES);
    Path parent = path.toAbsolutePath().getParent();
    if (parent != null) Files.createDirectories(parent);
    channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    written = channel.size();
    openedKey = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
  }
}
