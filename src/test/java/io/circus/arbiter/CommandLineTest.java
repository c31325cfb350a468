package io.circus.arbiter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.circus.config.ArbiterSpec;
import io.circus.config.CommandArgs;
import io.circus.config.WatcherSpec;
import io.circus.process.NativeProcessLauncher;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** How cmd, args, shell, shell_args, executable and the standard streams reach a real child. */
@ExtendWith(VertxExtension.class)
class CommandLineTest {

  @TempDir
  Path dir;
  private Vertx vertx;

  @BeforeEach
  void setUp(Vertx vertx) {
    this.vertx = vertx;
  }

  private Watcher started(WatcherSpec.Builder spec) {
    Arbiter arbiter = Await.result(ArbiterVerticle.deploy(vertx, ArbiterSpec.defaults(), List.of(spec.build()),
        NativeProcessLauncher::new));
    Await.result(arbiter.start());
    return arbiter.watchers().get(0);
  }

  private List<String> linesOnceThere(Path report, int count) {
    await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(report) && Files.readAllLines(report).size() >= count);
    try {
      return Files.readAllLines(report);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void widAndWatcherOptionsAreReplacedInTheCommandLine() {
    Path report = dir.resolve("report");
    started(WatcherSpec.builder("formatted").cmd("sh -c 'echo $1 >> " + report + "; exec sleep 3600'")
        .args("x $(circus.wid)/$(CIRCUS.NUMPROCESSES)").numprocesses(2));

    assertThat(linesOnceThere(report, 2)).containsExactlyInAnyOrder("1/2", "2/2");
  }

  @Test
  void argsGivenAsWordsAreNeverSplit() {
    Path report = dir.resolve("report");
    started(WatcherSpec.builder("words").cmd("sh")
        .args(new CommandArgs.Words(List.of("-c", "printf '%s|' \"$@\" > " + report + "; echo >> " + report + "; exec sleep 3600",
            "zero", "one two", "$(circus.wid)"))));

    assertThat(linesOnceThere(report, 1)).containsExactly("one two|1|");
  }

  @Test
  void withShellTheCommandRunsInShWithShellArgsAfterIt() {
    Path report = dir.resolve("report");
    started(WatcherSpec.builder("shelled").cmd("echo \"$0-$1\" > " + report + " && exec sleep 3600").shell(true)
        .shellArgs(new CommandArgs.Text("first second")));

    assertThat(linesOnceThere(report, 1)).containsExactly("first-second");
  }

  @Test
  void executableRunsAnotherProgramUnderTheCommandsArgv0() {
    Path report = dir.resolve("report");
    started(WatcherSpec.builder("renamed").cmd("my-worker-name -c 'echo $0 > " + report + "; exec sleep 3600'")
        .executable("/bin/sh"));

    assertThat(linesOnceThere(report, 1)).containsExactly("my-worker-name");
  }

  @Test
  void stdinIsDevNullByDefaultAndClosedStreamsGoToDevNull() throws IOException {
    Watcher quiet = started(WatcherSpec.builder("quiet").cmd("sleep 3600").closeChildStdout(true).closeChildStderr(true));
    int pid = quiet.snapshot().pids().get(0);

    assertThat(fd(pid, 0)).isEqualTo("/dev/null");
    assertThat(fd(pid, 1)).isEqualTo("/dev/null");
    assertThat(fd(pid, 2)).isEqualTo("/dev/null");
  }

  @Test
  void withoutClosingTheChildWritesToCircusdsOwnStreams() throws IOException {
    Watcher loud = started(WatcherSpec.builder("loud").cmd("sleep 3600").closeChildStdin(false));
    int pid = loud.snapshot().pids().get(0);

    assertThat(fd(pid, 0)).isEqualTo(fd(ProcessHandle.current().pid(), 0));
    assertThat(fd(pid, 1)).isEqualTo(fd(ProcessHandle.current().pid(), 1));
    assertThat(fd(pid, 2)).isEqualTo(fd(ProcessHandle.current().pid(), 2));
  }

  private static String fd(long pid, int fd) throws IOException {
    return Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "fd", Integer.toString(fd))).toString();
  }
}
