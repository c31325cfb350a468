package io.circus.cli.ctl;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** circusctl run in this JVM, its streams captured: what a user would see, and its exit status. */
final class CircusctlRunner {

  record Result(int status, String stdout, String stderr) {
  }

  /** A circusctl still running (listen, a shell): its output so far, Ctrl-C, its end. */
  static final class Running {
    private final ByteArrayOutputStream out;
    private final Console console;
    private final CompletableFuture<Integer> status;

    private Running(ByteArrayOutputStream out, Console console, CompletableFuture<Integer> status) {
      this.out = out;
      this.console = console;
      this.status = status;
    }

    String stdoutSoFar() {
      return out.toString(StandardCharsets.UTF_8);
    }

    void pressCtrlC() {
      console.interruption().interrupt();
    }

    int awaitExit() {
      return status.join();
    }
  }

  private CircusctlRunner() {
  }

  static Result run(String... args) {
    return run("", Map.of(), List.of(args));
  }

  static Result run(String stdin, Map<String, String> env, List<String> args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Console console = console(stdin, env, out, err);
    int status = Program.run(args, console);
    console.out().flush();
    console.err().flush();
    return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static Running start(List<String> args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Console console = console("", Map.of(), out, new ByteArrayOutputStream());
    return new Running(out, console, CompletableFuture.supplyAsync(() -> Program.run(args, console)));
  }

  private static Console console(String stdin, Map<String, String> env, ByteArrayOutputStream out,
      ByteArrayOutputStream err) {
    return new Console(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), env,
        false, new Interruption());
  }
}
