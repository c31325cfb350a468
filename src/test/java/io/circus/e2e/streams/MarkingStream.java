package io.circus.e2e.streams;

import io.circus.stream.CircusStream;
import io.circus.stream.OutputBlock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/** A user's stream class, for tests: appends each line to the file {@code path}, after {@code mark}. */
public class MarkingStream implements CircusStream {

  private final Path path;
  private final String mark;

  public MarkingStream(Map<String, String> options) {
    this.path = Path.of(options.get("path"));
    this.mark = options.getOrDefault("mark", "");
  }

  @Override
  public void write(OutputBlock block) throws IOException {
    StringBuilder text = new StringBuilder();
    for (byte[] line : block.lines()) text.append(mark).append(new String(line, StandardCharsets.UTF_8)).append('\n');
    Files.writeString(path, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }
}
