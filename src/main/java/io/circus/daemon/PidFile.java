package io.circus.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.OptionalLong;

/**
 * circusd's pid file: refused when it names another live process (a second daemon on the same
 * config), replaced when stale, removed at exit only if it still holds our pid. Blocking I/O:
 * call off the event loops.
 */
public final class PidFile {

  private final Path path;
  private final long pid;

  private PidFile(Path path, long pid) {
    this.path = path;
    this.pid = pid;
  }

  public static PidFile write(Path path) throws IOException {
    long self = ProcessHandle.current().pid();
    OptionalLong existing = read(path);
    if (existing.isPresent() && existing.getAsLong() != self && ProcessHandle.of(existing.getAsLong()).isPresent()) {
      throw new StartRefusedException("pid file " + path + " holds the pid of running process " + existing.getAsLong()
          + ": is another circusd running?", null);
    }
    Path parent = path.toAbsolutePath().getParent();
    Path temporary = Files.createTempFile(parent, ".circusd", ".pid");
    Files.writeString(temporary, self + "\n", StandardCharsets.US_ASCII);
    Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return new PidFile(path, self);
  }

  public void remove() throws IOException {
    if (read(path).orElse(-1) == pid) {
      Files.deleteIfExists(path);
    }
  }

  private static OptionalLong read(Path path) throws IOException {
    try {
      String text = Files.readString(path, StandardCharsets.US_ASCII).strip();
      return text.matches("\\d+") ? OptionalLong.of(Long.parseLong(text)) : OptionalLong.empty();
    } catch (NoSuchFileException e) {
      return OptionalLong.empty();
    }
  }
}
