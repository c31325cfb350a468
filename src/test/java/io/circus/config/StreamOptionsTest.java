package io.circus.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamOptionsTest {

  private ConfigFixture files;

  @BeforeEach
  void files(@TempDir Path dir) {
    files = new ConfigFixture(dir);
  }

  @Test
  void noStreamOptionsMeanNoStream() {
    assertThat(files.watcherWith("").stdoutStream()).isNull();
  }

  @Test
  void fileStreamTakesItsTypedOptions() {
    WatcherSpec w = files.watcherWith("""
        stdout_stream.class = FileStream
        stdout_stream.filename = /var/log/w.log
        stdout_stream.max_bytes = 1073741824
        stdout_stream.backup_count = 5
        stdout_stream.time_format = %Y-%m-%d %H:%M:%S
        """);
    assertThat(w.stdoutStream()).isEqualTo(new StreamSpec("FileStream", Map.of("filename", "/var/log/w.log",
        "max_bytes", "1073741824", "backup_count", "5", "time_format", "%Y-%m-%d %H:%M:%S")));
  }

  @Test
  void aFilenameWithoutClassMeansFileStream() {
    assertThat(files.watcherWith("stderr_stream.filename = err.log\n").stderrStream())
        .isEqualTo(new StreamSpec("FileStream", Map.of("filename", "err.log")));
  }

  @Test
  void circussDottedNamesAreItsShortNames() {
    assertThat(files.watcherWith("stdout_stream.class = circus.stream.StdoutStream\n").stdoutStream().className()).isEqualTo("StdoutStream");
    assertThat(files.watcherWith("stdout_stream.class = circus.stream.file_stream.WatchedFileStream\n").stdoutStream().className())
        .isEqualTo("WatchedFileStream");
  }

  @Test
  void anotherDottedNameIsKeptWithItsOptionsAsText() {
    assertThat(files.watcherWith("stdout_stream.class = com.example.MyStream\nstdout_stream.level = 3\n").stdoutStream())
        .isEqualTo(new StreamSpec("com.example.MyStream", Map.of("level", "3")));
  }

  @Test
  void everyStreamTakesHowItIsFedAndTheValuesAreChecked() {
    assertThat(files.watcherWith("stdout_stream.class = com.example.MyStream\nstdout_stream.backpressure = DROP\n"
        + "stdout_stream.queue_bytes = 1048576\n").stdoutStream().options())
        .containsEntry("backpressure", "drop").containsEntry("queue_bytes", "1048576");
    assertThat(files.watcherErrors("stdout_stream.filename = x.log\nstdout_stream.backpressure = block\n")).singleElement()
        .satisfies(e -> assertThat(e.expected()).contains("pause").contains("drop"));
    assertThat(files.watcherErrors("stdout_stream.filename = x.log\nstdout_stream.queue_bytes = 10\n")).singleElement()
        .satisfies(e -> assertThat(e.option()).isEqualTo("stdout_stream.queue_bytes"));
  }

  @Test
  void timedRotationValuesAreChecked() {
    WatcherSpec w = files.watcherWith("""
        stdout_stream.class = TimedRotatingFileStream
        stdout_stream.filename = out.log
        stdout_stream.rotate_when = midnight
        stdout_stream.rotate_interval = 1
        stdout_stream.utc = True
        """);
    assertThat(w.stdoutStream().options()).containsEntry("rotate_when", "MIDNIGHT").containsEntry("utc", "true");
    assertThat(files.watcherErrors("stdout_stream.class = TimedRotatingFileStream\nstdout_stream.rotate_when = W7\n"))
        .singleElement().satisfies(e -> assertThat(e.expected()).contains("W6"));
    assertThat(files.watcherErrors("stdout_stream.class = TimedRotatingFileStream\n")).singleElement()
        .satisfies(e -> assertThat(e.option()).isEqualTo("stdout_stream.rotate_when"));
  }

  @Test
  void fancyStdoutColorsAreChecked() {
    assertThat(files.watcherWith("stdout_stream.class = FancyStdoutStream\nstdout_stream.color = Green\n").stdoutStream().options())
        .containsEntry("color", "green");
    assertThat(files.watcherErrors("stdout_stream.class = FancyStdoutStream\nstdout_stream.color = pink\n")).singleElement()
        .satisfies(e -> assertThat(e.expected()).contains("magenta"));
  }

  @Test
  void typedStreamValuesAreChecked() {
    List<ConfigError> errors = files.watcherErrors("stdout_stream.class = FileStream\nstdout_stream.max_bytes = 1G\nstdout_stream.backup_count = -1\n");
    assertThat(errors).extracting(ConfigError::option).containsExactly("stdout_stream.max_bytes", "stdout_stream.backup_count");
  }

  @Test
  void anOptionTheBuiltinClassDoesNotTakeIsAnError() {
    assertThat(files.watcherErrors("stdout_stream.class = FileStream\nstdout_stream.max_byte = 10\n")).singleElement()
        .satisfies(e -> assertThat(e.expected()).contains("an option of FileStream: filename, max_bytes"));
  }

  @Test
  void anUnknownShortClassIsAnError() {
    assertThat(files.watcherErrors("stdout_stream.class = FilStream\n")).singleElement()
        .satisfies(e -> assertThat(e.expected()).contains("FileStream").contains("dotted class name"));
  }

  @Test
  void streamOptionsWithoutClassOrFilenameAreAnError() {
    assertThat(files.watcherErrors("stdout_stream.max_bytes = 10\n")).singleElement()
        .satisfies(e -> assertThat(e.expected()).contains("stdout_stream.class"));
  }
}
