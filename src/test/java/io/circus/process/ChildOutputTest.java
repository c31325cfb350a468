package io.circus.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Piped output: every byte, in order, before the exit; held back while paused (until the exit); listeners that throw. */
class ChildOutputTest extends LauncherTest {

  private static final int LINES = 200_000;
  private static final String NUMBERED_LINES =
      IntStream.rangeClosed(1, LINES).mapToObj(i -> i + "\n").collect(Collectors.joining());

  @TempDir
  Path dir;

  @Test
  void stdoutAndStderrArriveSeparately() throws Exception {
    Recorder child = Recorder.run(launcher, Spawns.shell("echo out; echo err >&2; echo more out"));

    assertThat(child.stdout()).isEqualTo("out\nmore out\n");
    assertThat(child.stderr()).isEqualTo("err\n");
  }

  @Test
  void everyLineWrittenRightBeforeExitArrivesBeforeTheExit() throws Exception {
    Recorder child = Recorder.run(launcher, Spawns.shell("seq 1 " + LINES + "; seq 1 " + LINES + " >&2; exit 4"));

    assertThat(child.awaitExit()).isEqualTo(ExitStatus.exited(4));
    assertThat(child.stdout()).isEqualTo(NUMBERED_LINES);
    assertThat(child.stderr()).isEqualTo(NUMBERED_LINES);
    assertThat(child.outputAfterExit()).isFalse();
  }

  @Test
  void aChattyChildDoesNotHoldUpTheOthers() throws Exception {
    AtomicLong chattyBytes = new AtomicLong();
    CompletableFuture<ExitStatus> chattyExit = new CompletableFuture<>();
    ChildProcess chatty = launcher.spawn(Spawns.command("yes", "chatter").request(), new ProcessListener() {
      @Override
      public void onOutput(ChildProcess process, OutputKind kind, ByteBuffer data) {
        chattyBytes.addAndGet(data.remaining());
      }

      @Override
      public void onExit(ChildProcess process, ExitStatus status) {
        chattyExit.complete(status);
      }
    });
    try {
      await().atMost(Duration.ofSeconds(10)).until(() -> chattyBytes.get() > 10 * OutputPump.CHUNK_SIZE);

      Recorder quiet = Recorder.run(launcher, Spawns.shell("echo quiet"));

      assertThat(quiet.stdout()).isEqualTo("quiet\n");
    } finally {
      chatty.signal(Signals.SIGKILL);
      assertThat(chattyExit.get(10, TimeUnit.SECONDS)).isEqualTo(ExitStatus.killed(Signals.SIGKILL));
    }
  }

  @Test
  void listenersRunOnTheReactorThread() throws Exception {
    Recorder child = Recorder.run(launcher, Spawns.shell("echo hi"));

    assertThat(child.callbackThread().getName()).isEqualTo("circus-process-reactor");
  }

  @Test
  void pausedChildBlocksOnAFullPipeAndLosesNothingAfterTheResume() throws Exception {
    Recorder recorder = new Recorder();
    ChildProcess child = launcher.spawn(Spawns.command("seq", "1", Integer.toString(LINES)).request(), recorder);
    child.pauseOutput(true);
    try {
      // "pipe_write", or "anon_pipe_write" on recent kernels
      await().atMost(Duration.ofSeconds(10))
          .until(() -> TestFds.wchan(child.pid()), wchan -> wchan.endsWith("pipe_write"));
      assertThat(recorder.bytes(OutputKind.STDOUT)).isLessThan(NUMBERED_LINES.length());
      assertThat(child.isAlive()).isTrue();
    } finally {
      child.pauseOutput(false);
    }

    assertThat(recorder.awaitExit()).isEqualTo(ExitStatus.exited(0));
    assertThat(recorder.stdout()).isEqualTo(NUMBERED_LINES);
  }

  @Test
  void anExitWhilePausedDeliversWhatThePipeHoldsThenTheExit() throws Exception {
    Path go = dir.resolve("go");
    Recorder recorder = new Recorder();
    ChildProcess child = launcher.spawn(
        Spawns.shell("while [ ! -e go ]; do sleep 0.01; done; echo last words; exit 5").workingDir(dir.toString())
            .request(), recorder);
    child.pauseOutput(true);
    Files.createFile(go);

    // A stream that stopped taking output must not hold the exit (a watcher's stop) for ever.
    assertThat(recorder.awaitExit()).isEqualTo(ExitStatus.exited(5));
    assertThat(recorder.stdout()).isEqualTo("last words\n");
  }

  @Test
  void aThrowingListenerDoesNotStopTheReactor() throws Exception {
    Recorder throwing = new Recorder() {
      @Override
      public void onOutput(ChildProcess process, OutputKind kind, ByteBuffer data) {
        super.onOutput(process, kind, data);
        throw new IllegalStateException("listener bug (expected by the test)");
      }

      @Override
      public void onExit(ChildProcess process, ExitStatus status) {
        super.onExit(process, status);
        throw new AssertionError("listener bug (expected by the test)");
      }
    };
    launcher.spawn(Spawns.shell("echo one; echo two >&2").request(), throwing);
    assertThat(throwing.awaitExit()).isEqualTo(ExitStatus.exited(0));

    Recorder next = Recorder.run(launcher, Spawns.shell("echo still watched"));

    assertThat(next.stdout()).isEqualTo("still watched\n");
    assertThat(throwing.stdout() + throwing.stderr()).isEqualTo("one\ntwo\n");
    assertThat(throwing.exitCalls()).isEqualTo(1);
  }
}
