package io.circus.e2e;

import static org.awaitility.Awaitility.await;

import io.circus.testing.ProcFs;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code bin/circusd} run as its own process, as a user runs it: its output captured to a file,
 * its children read from /proc. Stops it (SIGKILL, then its children) if a test left it running.
 */
final class CircusdProcess implements AutoCloseable {

  static final Path CIRCUSD = Path.of("bin", "circusd").toAbsolutePath();
  /**
   * [circus] options that bind the ZeroMQ endpoints on free loopback ports (the log names the
   * ports), so that daemons of different tests, or a circusd running on this machine, never collide.
   */
  static final String FREE_ENDPOINTS = "endpoint = tcp://127.0.0.1:0\npubsub_endpoint = tcp://127.0.0.1:0\n";

  private final Process process;
  private final Path output;

  private CircusdProcess(Process process, Path output) {
    this.process = process;
    this.output = output;
  }

  /** A loopback TCP port free now, for an endpoint a test must know before circusd starts. */
  static int freePort() throws IOException {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return probe.getLocalPort();
    }
  }

  /** Starts {@code bin/circusd ARGS...} in {@code dir}. */
  static CircusdProcess start(Path dir, String... args) throws IOException {
    return start(dir, Map.of(), args);
  }

  /** Starts {@code bin/circusd ARGS...} in {@code dir} with these variables added to its environment. */
  static CircusdProcess start(Path dir, Map<String, String> env, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(CIRCUSD.toString()));
    command.addAll(List.of(args));
    Path output = Files.createTempFile(dir, "circusd", ".out");
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(output.toFile());
    builder.environment().putAll(env);
    return new CircusdProcess(builder.start(), output);
  }

  long pid() {
    return process.pid();
  }

  /** The controller and events endpoints as bound (real ports for port 0), from the log. */
  record Endpoints(String controller, String pubsub) {
  }

  /** The log line of the bound endpoints; with stats on, the stats endpoint comes after the events one. */
  private static final Pattern LISTENING = Pattern.compile("controller listening on (\\S+); .*? published on ([^\\s;]+)");
  private static final Pattern STATS = Pattern.compile("circus.stats published on ([^\\s;]+)");

  /** Waits for circusd to log its bound endpoints. */
  Endpoints awaitEndpoints() {
    Matcher matcher = await("circusd to bind its endpoints").atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(20)).until(() -> LISTENING.matcher(output()), Matcher::find);
    return new Endpoints(matcher.group(1), matcher.group(2));
  }

  /** Waits for circusd to log its bound stats endpoint ({@code statsd} on). */
  String awaitStatsEndpoint() {
    return await("circusd to bind its stats endpoint").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
        .until(() -> STATS.matcher(output()), Matcher::find).group(1);
  }

  String output() {
    try {
      return Files.readString(output, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Waits for the process to end and returns its exit status. */
  int waitForExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("circusd did not exit within " + timeout + "; output:\n" + output());
    }
    return process.exitValue();
  }

  void signal(String name) throws IOException, InterruptedException {
    signal(pid(), name);
  }

  static void signal(long pid, String name) throws IOException, InterruptedException {
    new ProcessBuilder("kill", "-" + name, Long.toString(pid)).inheritIO().start().waitFor();
  }

  /** The command lines of circusd's live children, by pid. */
  Map<Long, String> children() {
    return commandLines(pid());
  }

  static Map<Long, String> commandLines(long parent) {
    Map<Long, String> result = new java.util.TreeMap<>();
    ProcFs.childrenOf(parent).forEach((pid, state) -> {
      if (!"Z".equals(state)) {
        result.put(pid, commandLine(pid));
      }
    });
    return result;
  }

  static String commandLine(long pid) {
    try {
      return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), StandardCharsets.UTF_8)
          .replace('\0', ' ').strip();
    } catch (IOException gone) {
      return "";
    }
  }

  /** Pids of live children whose command line is exactly {@code commandLine}. */
  List<Long> childrenRunning(String commandLine) {
    return children().entrySet().stream().filter(e -> e.getValue().equals(commandLine)).map(Map.Entry::getKey).toList();
  }

  /** Waits until exactly {@code count} children run {@code commandLine}, and returns their pids. */
  List<Long> awaitChildren(String commandLine, int count) {
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
        .until(() -> childrenRunning(commandLine).size() == count);
    return childrenRunning(commandLine);
  }

  static boolean alive(long pid) {
    String state = ProcFs.state(pid);
    return state != null && !state.equals("Z");
  }

  @Override
  public void close() throws Exception {
    if (process.isAlive()) {
      Map<Long, String> left = children();
      process.destroyForcibly().waitFor();
      for (long child : left.keySet()) {
        ProcessHandle.of(child).ifPresent(ProcessHandle::destroyForcibly);
      }
    }
  }
}
