package io.circus.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.circus.testing.ProcFs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Exit statuses, signals, descendants, and many children without zombies or leaked descriptors. */
class ChildLifecycleTest extends LauncherTest {

  private static final Logger LOG = LoggerFactory.getLogger(ChildLifecycleTest.class);
  private static final long SELF = ProcessHandle.current().pid();

  @Test
  void exitCodeIsReported() throws Exception {
    ExitStatus status = Recorder.run(launcher, Spawns.shell("exit 7")).awaitExit();

    assertThat(status).isEqualTo(ExitStatus.exited(7));
    assertThat(status.circusExitCode()).isEqualTo(7);
  }

  @Test
  void killedBySignalIsReportedAsMinusTheSignal() throws Exception {
    assertThat(killedWith(Signals.SIGKILL).circusExitCode()).isEqualTo(-9);
    assertThat(killedWith(Signals.SIGTERM).circusExitCode()).isEqualTo(-15);
  }

  private static ExitStatus killedWith(int signal) throws Exception {
    Recorder recorder = new Recorder();
    ChildProcess child = launcher.spawn(Spawns.command("sleep", "30").request(), recorder);
    assertThat(child.signal(signal)).isTrue();
    return recorder.awaitExit();
  }

  @Test
  void childIsAliveUntilReapedAndSignalsToItAfterwardsReturnFalse() throws Exception {
    Recorder recorder = new Recorder();
    ChildProcess child = launcher.spawn(Spawns.command("sleep", "30").request(), recorder);
    assertThat(child.isAlive()).isTrue();

    child.signal(Signals.SIGKILL);
    recorder.awaitExit();

    assertThat(child.isAlive()).isFalse();
    assertThat(child.signal(Signals.SIGTERM)).isFalse();
    assertThat(child.children()).isEmpty();
  }

  @Test
  void signalToNoSuchPidReturnsFalse() {
    assertThat(launcher.signalPid(Integer.MAX_VALUE, Signals.SIGTERM)).isFalse();
  }

  @Test
  void childLeadsItsOwnSessionWithDefaultSignalsAndAnEmptyMask() throws Exception {
    Recorder recorder = new Recorder();
    ChildProcess child = launcher.spawn(Spawns.command("sleep", "30").request(), recorder);
    try {
      String stat = Files.readString(Path.of("/proc", Integer.toString(child.pid()), "stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      assertThat(fields[2]).as("process group").isEqualTo(Integer.toString(child.pid()));
      assertThat(fields[3]).as("session").isEqualTo(Integer.toString(child.pid()));
      assertThat(TestFds.status(child.pid(), "SigIgn")).isEqualTo("0000000000000000");
      assertThat(TestFds.status(child.pid(), "SigBlk")).isEqualTo("0000000000000000");
    } finally {
      child.signal(Signals.SIGKILL);
      recorder.awaitExit();
    }
  }

  @Test
  void descendantsIncludeGrandchildrenWhichCanBeSignalled() throws Exception {
    Recorder recorder = new Recorder();
    ChildProcess child = launcher.spawn(Spawns.shell("sh -c 'sleep 30 & wait' & wait").request(), recorder);

    await().atMost(Duration.ofSeconds(10)).until(() -> child.descendants().size() == 2);
    List<Integer> children = child.children();
    assertThat(children).hasSize(1);
    assertThat(ProcessTree.childrenFromStat(child.pid())).isEqualTo(children);
    int grandchild = child.descendants().get(1);
    assertThat(TestFds.cmdline(grandchild)).containsExactly("sleep", "30");

    assertThat(launcher.signalPid(grandchild, Signals.SIGKILL)).isTrue();

    assertThat(recorder.awaitExit()).isEqualTo(ExitStatus.exited(0));
  }

  @Test
  void closingTheLauncherLeavesChildrenRunningAndClosesItsDescriptors() throws Exception {
    Recorder recorder = new Recorder();
    ChildProcess child;
    try (NativeProcessLauncher closing = new NativeProcessLauncher()) {
      child = closing.spawn(Spawns.command("sleep", "30").request(), recorder);
    }

    try {
      assertThat(ProcFs.state(child.pid())).isIn("R", "S", "D"); // alive: running, sleeping, or still loading its program
      assertThat(recorder.exited()).isFalse();
    } finally {
      Pidfd.killAndReap(child.pid()); // nobody watches it any more: the test reaps it itself
    }
  }

  @Test
  void twoHundredSpawnAndKillCyclesLeaveNoZombieAndNoDescriptor() throws Exception {
    killedWith(Signals.SIGKILL); // warm-up: classes loaded, buffers allocated
    int fdsBefore = ProcFs.openFdCount(SELF);

    long start = System.nanoTime();
    for (int i = 0; i < 200; i++) {
      assertThat(killedWith(Signals.SIGKILL)).isEqualTo(ExitStatus.killed(Signals.SIGKILL));
    }
    LOG.info("spawn + SIGKILL + reap: {} us per cycle", (System.nanoTime() - start) / 200 / 1000);

    assertThat(ProcFs.childrenOf(SELF)).doesNotContainValue("Z");
    assertThat(ProcFs.openFdCount(SELF)).isEqualTo(fdsBefore);
  }

  @Test
  void concurrentSpawnsFromSeveralThreadsAreAllWatched() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      List<Future<ExitStatus>> statuses = new ArrayList<>();
      for (int i = 0; i < 160; i++) {
        int code = i % 100;
        statuses.add(threads.submit(() -> Recorder.run(launcher, Spawns.shell("exit " + code)).awaitExit()));
      }
      for (int i = 0; i < statuses.size(); i++) {
        assertThat(statuses.get(i).get()).isEqualTo(ExitStatus.exited(i % 100));
      }
    } finally {
      threads.shutdownNow();
    }
  }
}
