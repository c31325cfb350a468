package io.circus.stream;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/** Circus's {@code StdoutStream}: the output goes to circusd's own stdout, bytes unchanged. */
public class StdoutStream implements CircusStream {

  /** circusd's fd 1, unbuffered: each write is one write(2) of whole lines. */
  static final OutputStream STDOUT = new FileOutputStream(FileDescriptor.out);

  protected final OutputStream out;

  public StdoutStream(Map<String, String> options) {
    this(STDOUT);
  }

  /** Writing somewhere else than circusd's stdout (tests). */
  StdoutStream(OutputStream out) {
    this.out = out;
  }

  @Override
  public void write(OutputBlock block) throws IOException {
    out.write(block.data());
  }
}
