package io.circus.stream;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** What Circus's file streams share: the file, opened for appending, and the optional time prefix. */
abstract class FileStreamBase implements CircusStream {

  protected final AppendFile file;
  private final LinePrefix prefix;

  FileStreamBase(Map<String, String> options) {
    StreamOptions o = new StreamOptions(options);
    String filename = o.text("filename", null);
    this.file = new AppendFile(filename == null ? temporaryFile() : Path.of(filename));
    String timeFormat = o.text("time_format", null);
    this.prefix = timeFormat == null ? null : new LinePrefix(timeFormat);
  }

  /** The bytes to write for a block: as they came, or with the time prefix on each line. */
  protected final byte[] bytesOf(OutputBlock block) {
    return prefix == null ? block.data() : prefix.apply(block);
  }

  @Override
  public void flush() throws IOException {
    file.flush();
  }

  @Override
  public void close() throws IOException {
    file.close();
  }

  /** Circus writes to a new temporary file when no filename is given. */
  private static Path temporaryFile() {
    try {
      return Files.createTempFile("circus-stream", ".log");
    } catch (IOException e) {
      throw new IllegalStateException("no filename, and no temporary file: " + e.getMessage(), e);
    }
  }
}
