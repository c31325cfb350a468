package io.circus.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@code bin/circusctl} run as its own process, as a user runs it: stdout and stderr go to files. */
final class CircusctlProcess {

  static final Path CIRCUSCTL = Path.of("bin", "circusctl").toAbsolutePath();

  private final Process process;
  private final Path stdout;
  private final Path stderr;

  private CircusctlProcess(Process process, Path stdout, Path stderr) {
    this.process = process;
    this.stdout = stdout;
    this.stderr = stderr;
  }

  /** What a finished run printed, and its exit status. */
  record Result(int status, String stdout, String stderr) {
  }

  /** Starts {@code bin/circusctl ARGS...}, its output in new files of {@code dir}. */
  static CircusctlProcess start(Path dir, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(CIRCUSCTL.toString()));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(dir, "circusctl", ".out");
    Path err = Files.createTempFile(dir, "circusctl", ".err");
    return new CircusctlProcess(new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start(), out, err);
  }

  /** Runs {@code bin/circusctl ARGS...} to its end. */
  static Result run(Path dir, String... args) throws IOException, InterruptedException {
    return start(dir, args).awaitExit();
  }

  Process process() {
    return process;
  }

  String stdout() throws IOException {
    return Files.readString(stdout, StandardCharsets.UTF_8);
  }

  String stderr() throws IOException {
    return Files.readString(stderr, StandardCharsets.UTF_8);
  }

  Result awaitExit() throws IOException, InterruptedException {
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("circusctl to exit").isTrue();
    return new Result(process.exitValue(), stdout(), stderr());
  }
}
