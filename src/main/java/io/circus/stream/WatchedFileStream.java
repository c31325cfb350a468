package io.circus.stream;

import java.io.IOException;
import java.util.Map;

/**
 * Circus's {@code WatchedFileStream}: appends to {@code filename} and leaves rotation to an outside
 * tool such as logrotate; when the file was moved or deleted, the next write goes to a new file
 * under the name.
 */
public class WatchedFileStream extends FileStreamBase {

  public WatchedFileStream(Map<String, String> options) {
    super(options);
  }

  @Override
  public void write(OutputBlock block) throws IOException {
    if (file.replaced()) file.close();
    file.add(bytesOf(block));
  }
}
