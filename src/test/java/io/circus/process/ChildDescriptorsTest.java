package io.circus.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A child gets exactly fd 0, 1, 2 as asked and the passed fds at 3, 4, ...: nothing of the JVM. */
class ChildDescriptorsTest extends LauncherTest {

  private static final long SELF = ProcessHandle.current().pid();

  @Test
  void noDescriptorOfTheJvmLeaksIntoTheChild() throws Exception {
    assertThat(TestFds.openFds(SELF)).hasSizeGreaterThan(10);

    runSleeping(Spawns.command("sleep", "30"), pid -> assertThat(TestFds.openFds(pid)).containsExactly(0, 1, 2));
  }

  @Test
  void noDescriptorLeaksThroughTheWrapperTools() throws Exception {
    runSleeping(Spawns.command("sleep", "30").umask(022).rlimit("nofile", 64L),
        pid -> assertThat(TestFds.openFds(pid)).containsExactly(0, 1, 2));
  }

  @Test
  void passedDescriptorsArriveAt3And4InOrderAndAreUsable() throws Exception {
    int[] first = TestFds.pipe();
    int[] second = TestFds.pipe();
    try {
      runSleeping(Spawns.shell("echo one >&3; echo two >&4; exec sleep 30").passFds(first[1], second[1]), pid -> {
        assertThat(TestFds.openFds(pid)).containsExactly(0, 1, 2, 3, 4);
        assertThat(TestFds.read(first[0])).isEqualTo("one\n");
        assertThat(TestFds.read(second[0])).isEqualTo("two\n");
      });
    } finally {
      TestFds.close(first[0], first[1], second[0], second[1]);
    }
  }

  @Test
  void passedDescriptorsWhoseNumbersAreAlsoTargetsAreNotMixedUp() throws Exception {
    String jvmFd3 = TestFds.target(SELF, 3);
    String jvmFd4 = TestFds.target(SELF, 4);
    assumeThat(jvmFd3).isNotEqualTo(jvmFd4);

    runSleeping(Spawns.command("sleep", "30").passFds(4, 3), pid -> {
      assertThat(TestFds.target(pid, 3)).isEqualTo(jvmFd4);
      assertThat(TestFds.target(pid, 4)).isEqualTo(jvmFd3);
    });
  }

  @Test
  void stdinIsDevNullOrInheritedOrAGivenDescriptor() throws Exception {
    runSleeping(Spawns.command("sleep", "30").stdin(Stdio.NULL),
        pid -> assertThat(TestFds.target(pid, 0)).isEqualTo("/dev/null"));
    runSleeping(Spawns.command("sleep", "30").stdin(Stdio.INHERIT),
        pid -> assertThat(TestFds.target(pid, 0)).isEqualTo(TestFds.target(SELF, 0)));
    int[] pipe = TestFds.pipe();
    try {
      runSleeping(Spawns.command("sleep", "30").stdin(new Stdio.Fd(pipe[0])),
          pid -> assertThat(TestFds.target(pid, 0)).isEqualTo(TestFds.target(SELF, pipe[0])));
    } finally {
      TestFds.close(pipe);
    }
  }

  @Test
  void outputGoesToThePipeToCircusdsOwnStreamsOrToDevNull() throws Exception {
    runSleeping(Spawns.command("sleep", "30").stdout(Stdio.INHERIT).stderr(Stdio.NULL), pid -> {
      assertThat(TestFds.target(pid, 1)).isEqualTo(TestFds.target(SELF, 1));
      assertThat(TestFds.target(pid, 2)).isEqualTo("/dev/null");
    });
    runSleeping(Spawns.command("sleep", "30"), pid -> assertThat(TestFds.target(pid, 1)).startsWith("pipe:"));
  }

  @Test
  void outputCanGoToAGivenDescriptor() throws Exception {
    int[] pipe = TestFds.pipe();
    try {
      Recorder.run(launcher, Spawns.shell("echo to the pipe; echo to stderr >&2").stdout(new Stdio.Fd(pipe[1]))
          .stderr(new Stdio.Fd(pipe[1])));

      assertThat(TestFds.read(pipe[0])).isEqualTo("to the pipe\nto stderr\n");
    } finally {
      TestFds.close(pipe);
    }
  }

  @FunctionalInterface
  interface PidCheck {
    void check(int pid) throws Exception;
  }

  /** Spawns a child that ends up in {@code sleep}, checks it there, then kills it and waits for the reap. */
  private static void runSleeping(Spawns spawn, PidCheck check) throws Exception {
    Recorder recorder = new Recorder();
    ChildProcess child = launcher.spawn(spawn.request(), recorder);
    try {
      await().atMost(Duration.ofSeconds(10)).until(() -> TestFds.cmdline(child.pid()),
          argv -> argv.equals(List.of("sleep", "30")));
      check.check(child.pid());
    } finally {
      child.signal(Signals.SIGKILL);
      recorder.awaitExit();
    }
  }
}
