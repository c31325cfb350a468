package io.circus.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimedRotatingFileStreamTest {

  @TempDir
  Path dir;

  /** A clock the test moves. */
  private static final class FakeClock extends Clock {
    Instant now;

    FakeClock(Instant start) {
      now = start;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final FakeClock clock = new FakeClock(Instant.parse("2024-03-05T10:00:00Z"));

  private TimedRotatingFileStream stream(String when, String interval, String backups) {
    return new TimedRotatingFileStream(Map.of("filename", dir.resolve("t.log").toString(), "rotate_when", when,
        "rotate_interval", interval, "backup_count", backups, "utc", "true"), clock);
  }

  private String[] files() throws IOException {
    try (Stream<Path> list = Files.list(dir)) {
      return list.map(p -> p.getFileName().toString()).sorted().toArray(String[]::new);
    }
  }

  @Test
  void everyIntervalTheFileGetsTheSuffixOfItsPeriod() throws IOException {
    try (TimedRotatingFileStream s = stream("M", "2", "0")) {
      s.write(Blocks.of("first\n"));
      clock.now = clock.now.plusSeconds(119);
      s.write(Blocks.of("still first\n"));
      clock.now = clock.now.plusSeconds(1);
      s.write(Blocks.of("second\n"));
    }
    assertThat(files()).containsExactly("t.log", "t.log.202403051000");
    assertThat(Files.readAllLines(dir.resolve("t.log.202403051000"))).containsExactly("first", "still first");
    assertThat(Files.readAllLines(dir.resolve("t.log"))).containsExactly("second");
  }

  @Test
  void backupCountKeepsTheNewestRotatedFiles() throws IOException {
    try (TimedRotatingFileStream s = stream("H", "1", "2")) {
      for (int hour = 0; hour < 5; hour++) {
        s.write(Blocks.of("hour " + hour + "\n"));
        clock.now = clock.now.plusSeconds(3600);
      }
      s.write(Blocks.of("last\n"));
    }
    assertThat(files()).containsExactly("t.log", "t.log.2024030513", "t.log.2024030514");
    assertThat(Files.readAllLines(dir.resolve("t.log.2024030514"))).containsExactly("hour 4");
  }

  @Test
  void midnightRotatesAtTheNextMidnight() throws IOException {
    try (TimedRotatingFileStream s = stream("MIDNIGHT", "1", "0")) {
      s.write(Blocks.of("tuesday\n"));
      clock.now = Instant.parse("2024-03-05T23:59:59Z");
      s.write(Blocks.of("still tuesday\n"));
      clock.now = Instant.parse("2024-03-06T00:00:00Z");
      s.write(Blocks.of("wednesday\n"));
    }
    assertThat(Files.readAllLines(dir.resolve("t.log.20240305"))).containsExactly("tuesday", "still tuesday");
  }

  @Test
  void weeklyRotatesAfterTheGivenWeekday() throws IOException {
    try (TimedRotatingFileStream s = stream("W2", "1", "0")) { // Wednesday; the clock starts on a Tuesday
      s.write(Blocks.of("tuesday\n"));
      clock.now = Instant.parse("2024-03-06T23:59:59Z");
      s.write(Blocks.of("wednesday\n"));
      clock.now = Instant.parse("2024-03-07T00:00:00Z");
      s.write(Blocks.of("thursday\n"));
    }
    assertThat(files()).containsExactly("t.log", "t.log.20240229");
    assertThat(Files.readAllLines(dir.resolve("t.log"))).containsExactly("thursday");
  }

  @Test
  void anUnknownUnitIsRefused() {
    assertThatThrownBy(() -> stream("X", "1", "0")).hasMessageContaining("rotate_when");
  }
}
