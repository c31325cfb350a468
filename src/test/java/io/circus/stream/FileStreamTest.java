package io.circus.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStreamTest {

  @TempDir
  Path dir;

  @Test
  void writesTheBytesAsTheyCame() throws IOException {
    Path log = dir.resolve("out.log");
    byte[] raw = {'a', (byte) 0xe9, (byte) 0xff, '\n'};
    try (FileStream stream = new FileStream(Map.of("filename", log.toString()))) {
      stream.write(new OutputBlock("w", 1, "stdout", raw, 0));
      stream.write(Blocks.of("no newline at exit"));
    }
    byte[] expected = (new String(raw, StandardCharsets.ISO_8859_1) + "no newline at exit")
        .getBytes(StandardCharsets.ISO_8859_1);
    assertThat(Files.readAllBytes(log)).isEqualTo(expected);
  }

  @Test
  void sizeRotationKeepsBackupCountFilesEachAtMostMaxBytes() throws IOException {
    Path log = dir.resolve("app.log");
    try (FileStream stream = new FileStream(Map.of("filename", log.toString(), "max_bytes", "1000", "backup_count", "3"))) {
      for (int i = 0; i < 100; i++) stream.write(Blocks.of(Blocks.numbered(i * 10, 10)));
    }
    List<Path> files = List.of(log, dir.resolve("app.log.1"), dir.resolve("app.log.2"), dir.resolve("app.log.3"));
    for (Path file : files) assertThat(Files.size(file)).isPositive().isLessThanOrEqualTo(1000);
    assertThat(dir.resolve("app.log.4")).doesNotExist();
    // Oldest to newest, the kept files hold the last lines in order, cut between lines.
    List<String> lines = new ArrayList<>();
    for (int i = files.size() - 1; i >= 0; i--) lines.addAll(Files.readAllLines(files.get(i)));
    assertThat(lines.get(lines.size() - 1)).isEqualTo("line 999");
    int first = Integer.parseInt(lines.get(0).substring(5));
    for (int i = 0; i < lines.size(); i++) assertThat(lines.get(i)).isEqualTo("line " + (first + i));
  }

  @Test
  void withoutBackupCountTheFileOnlyGrows() throws IOException {
    Path log = dir.resolve("app.log");
    try (FileStream stream = new FileStream(Map.of("filename", log.toString(), "max_bytes", "100"))) {
      stream.write(Blocks.of(Blocks.numbered(0, 100)));
    }
    assertThat(Files.readAllLines(log)).hasSize(100);
    assertThat(dir.resolve("app.log.1")).doesNotExist();
  }

  @Test
  void timeFormatPrefixesEveryLineWithTimeAndPid() throws IOException {
    Path log = dir.resolve("t.log");
    long time = LocalDateTime.of(2024, 3, 5, 7, 8, 9).atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
    try (FileStream stream = new FileStream(Map.of("filename", log.toString(), "time_format", "%Y-%m-%d %H:%M:%S"))) {
      stream.write(Blocks.of(123, "one\ntwo\n", time));
    }
    assertThat(Files.readAllLines(log)).containsExactly("2024-03-05 07:08:09 [123] | one", "2024-03-05 07:08:09 [123] | two");
  }

  @Test
  void watchedFileStreamFollowsLogrotateMovingTheFile() throws IOException {
    Path log = dir.resolve("w.log");
    try (WatchedFileStream stream = new WatchedFileStream(Map.of("filename", log.toString()))) {
      stream.write(Blocks.of("before\n"));
      stream.flush();
      Files.move(log, dir.resolve("w.log.1"));
      stream.write(Blocks.of("after move\n"));
      stream.flush();
      Files.delete(log);
      stream.write(Blocks.of("after delete\n"));
    }
    assertThat(Files.readAllLines(dir.resolve("w.log.1"))).containsExactly("before");
    assertThat(Files.readAllLines(log)).containsExactly("after delete");
  }
}
