package io.circus.stream;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Circus's {@code TimedRotatingFileStream}, after Python's TimedRotatingFileHandler: every
 * {@code rotate_interval} units of {@code rotate_when} (S, M, H, D), or at midnight, or on a
 * weekday (W0 Monday ... W6 Sunday) the file becomes {@code filename.<time suffix>}, in local time
 * or with {@code utc}; with {@code backup_count} above 0 only that many such files are kept.
 */
public class TimedRotatingFileStream extends FileStreamBase {

  private final Clock clock;
  private final ZoneId zone;
  private final String when;
  private final long intervalSeconds;
  private final Strftime suffix;
  private final Pattern suffixPattern;
  private final int backupCount;
  private long rolloverAt;

  public TimedRotatingFileStream(Map<String, String> options) {
    this(options, Clock.systemDefaultZone());
  }

  /** With the clock that decides when to rotate (a fake one in tests). */
  TimedRotatingFileStream(Map<String, String> options, Clock clock) {
    super(options);
    StreamOptions o = new StreamOptions(options);
    this.clock = clock;
    this.zone = o.flag("utc") ? ZoneOffset.UTC : clock.getZone();
    this.when = o.text("rotate_when", "").strip().toUpperCase(Locale.ROOT);
    this.backupCount = (int) Math.min(Integer.MAX_VALUE, o.number("backup_count", 0, 0));
    long unit;
    String suffixFormat;
    String digits;
    switch (when) {
      case "S" -> { unit = 1; suffixFormat = "%Y%m%d%H%M%S"; digits = "\\d{14}"; }
      case "M" -> { unit = 60; suffixFormat = "%Y%m%d%H%M"; digits = "\\d{12}"; }
      case "H" -> { unit = 3600; suffixFormat = "%Y%m%d%H"; digits = "\\d{10}"; }
      case "D", "MIDNIGHT", "W0", "W1", "W2", "W3", "W4", "W5", "W6" -> {
        unit = when.startsWith("W") ? 7 * 86400 : 86400;
        suffixFormat = "%Y%m%d";
        digits = "\\d{8}";
      }
      default -> throw new IllegalArgumentException("rotate_when: one of S, M, H, D, MIDNIGHT, W0 ... W6, not '" + when + "'");
    }
    this.intervalSeconds = unit * o.number("rotate_interval", 1, 1);
    this.suffix = Strftime.compile(suffixFormat);
    this.suffixPattern = Pattern.compile(Pattern.quote(file.path().getFileName() + ".") + digits);
    this.rolloverAt = nextRollover(startTime());
  }

  @Override
  public void write(OutputBlock block) throws IOException {
    long now = clock.millis() / 1000;
    if (now >= rolloverAt) rotate(now);
    file.add(bytesOf(block));
  }

  private void rotate(long now) throws IOException {
    file.close();
    Path base = file.path();
    ZonedDateTime periodStart = Instant.ofEpochSecond(rolloverAt - intervalSeconds).atZone(zone);
    Path target = base.resolveSibling(base.getFileName() + "." + suffix.format(periodStart));
    if (Files.exists(base)) Files.move(base, target, StandardCopyOption.REPLACE_EXISTING);
    if (backupCount > 0) deleteOldBackups(base);
    long next = nextRollover(now);
    while (next <= now) next += intervalSeconds;
    rolloverAt = next;
  }

  private void deleteOldBackups(Path base) throws IOException {
    Path dir = base.toAbsolutePath().getParent();
    List<Path> backups;
    try (Stream<Path> files = Files.list(dir)) {
      backups = files.filter(p -> suffixPattern.matcher(p.getFileName().toString()).matches()).sorted().toList();
    }
    for (int i = 0; i < backups.size() - backupCount; i++) Files.deleteIfExists(backups.get(i));
  }

  /** Python's rule: a file that exists rotates from its last change, a new one from now. */
  private long startTime() {
    try {
      if (Files.exists(file.path())) return Files.getLastModifiedTime(file.path()).toInstant().getEpochSecond();
    } catch (IOException e) {
      // unreadable: count from now
    }
    return clock.millis() / 1000;
  }

  private long nextRollover(long from) {
    if (!when.equals("MIDNIGHT") && !when.startsWith("W")) return from + intervalSeconds;
    ZonedDateTime midnight = Instant.ofEpochSecond(from).atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone);
    if (when.equals("MIDNIGHT")) return midnight.toEpochSecond();
    DayOfWeek day = DayOfWeek.of(when.charAt(1) - '0' + 1);
    // Python rotates at the midnight that starts the day after the given weekday.
    ZonedDateTime after = midnight.minusDays(1).with(TemporalAdjusters.next(day)).plusDays(1);
    return after.toLocalDate().atStartOfDay(zone).toEpochSecond();
  }
}
