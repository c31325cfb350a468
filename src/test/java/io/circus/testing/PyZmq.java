package io.circus.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assumptions;

/**
 * A real libzmq client: {@code circus_client.py} (next to this class in the test resources) run by
 * a python3 that has pyzmq (Debian's python3-zmq). Its output lines are collected as they come.
 */
public final class PyZmq implements AutoCloseable {

  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final Optional<Path> PYTHON = findPython();

  private final Process process;
  private final List<String> lines = new ArrayList<>();
  private final Thread reader;

  private PyZmq(Process process) {
    this.process = process;
    this.reader = new Thread(this::readLines, "pyzmq-output-" + process.pid());
    reader.setDaemon(true);
    reader.start();
  }

  /** Skips the calling test, with the reason, when no python3 on PATH can import zmq. */
  public static void assumeAvailable() {
    Assumptions.assumeTrue(PYTHON.isPresent(),
        "no python3 with pyzmq on PATH (Debian: apt-get install python3-zmq): libzmq interoperability not tested");
  }

  /** Starts {@code circus_client.py MODE ENDPOINT ARGS...}. */
  public static PyZmq run(String mode, String endpoint, String... args) {
    List<String> command = new ArrayList<>(List.of(script().toString(), mode, endpoint));
    command.addAll(Arrays.asList(args));
    return python(List.of(), command);
  }

  /**
   * Starts {@code circus_client.py MODE ENDPOINT ARGS...} as {@code user}, from a copy of the script
   * in {@code dir} (which that user must be able to enter): the project may be out of its reach.
   */
  public static PyZmq runAs(OsUser user, Path dir, String mode, String endpoint, String... args) {
    Path copy = dir.resolve("circus_client.py");
    try {
      Files.copy(script(), copy, StandardCopyOption.REPLACE_EXISTING);
      Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-r--r--"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> command = new ArrayList<>(List.of(copy.toString(), mode, endpoint));
    command.addAll(Arrays.asList(args));
    return python(user.setpriv(), command);
  }

  /** Starts {@code python3 ARGS...} (the one with pyzmq), behind {@code prefix} (e.g. setpriv). */
  public static PyZmq python(List<String> prefix, List<String> args) {
    List<String> command = new ArrayList<>(prefix);
    command.add(PYTHON.orElseThrow().toString());
    command.addAll(args);
    try {
      return new PyZmq(new ProcessBuilder(command).redirectErrorStream(true)
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command, e);
    }
  }

  /** The output lines so far. */
  public List<String> lines() {
    synchronized (lines) {
      return List.copyOf(lines);
    }
  }

  /** Waits for an output line matching {@code wanted}. */
  public String awaitLine(String description, Predicate<String> wanted) {
    return await(description).atMost(WAIT).until(() -> lines().stream().filter(wanted).findFirst(), Optional::isPresent)
        .orElseThrow();
  }

  /** Waits for the exit, and returns the output. */
  public List<String> awaitExit(int expectedStatus) {
    try {
      assertThat(process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).as("the client to exit").isTrue();
      reader.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
    assertThat(process.exitValue()).as("exit status; output: " + lines()).isEqualTo(expectedStatus);
    return lines();
  }

  /** SIGKILL, as a crash or an OOM kill would end the client. */
  public void kill() {
    process.destroyForcibly();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    kill();
    try {
      reader.join();
      process.getOutputStream().close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void readLines() {
    try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = output.readLine()) != null) {
        synchronized (lines) {
          lines.add(line);
        }
      }
    } catch (IOException e) {
      synchronized (lines) {
        lines.add("(output unreadable: " + e.getMessage() + ")");
      }
    }
  }

  private static Path script() {
    try {
      return Path.of(PyZmq.class.getResource("circus_client.py").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The first python3 on PATH that imports zmq (a pyenv or venv python3 may not have it). */
  private static Optional<Path> findPython() {
    String path = System.getenv().getOrDefault("PATH", "");
    return Arrays.stream(path.split(File.pathSeparator)).filter(dir -> !dir.isEmpty())
        .map(dir -> Path.of(dir, "python3")).filter(Files::isExecutable).distinct().filter(PyZmq::importsZmq).findFirst();
  }

  private static boolean importsZmq(Path python) {
    try {
      Process probe = new ProcessBuilder(python.toString(), "-c", "import zmq")
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      boolean exited = probe.waitFor(30, TimeUnit.SECONDS);
      if (!exited) {
        probe.destroyForcibly().waitFor();
      }
      probe.getOutputStream().close();
      return exited && probe.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
