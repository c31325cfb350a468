package io.circus.arbiter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import io.circus.config.ArbiterSpec;
import io.circus.config.CommandArgs;
import io.circus.config.WatcherSpec;
import io.circus.process.NativeProcessLauncher;
import io.circus.process.Signals;
import io.circus.testing.ProcFs;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The arbiter with real children, through the native process layer. */
@ExtendWith(VertxExtension.class)
class RealProcessesTest {

  @TempDir
  Path dir;
  private Vertx vertx;
  private BusEvents events;

  @BeforeEach
  void setUp(Vertx vertx) {
    this.vertx = vertx;
    this.events = new BusEvents(vertx);
  }

  private Arbiter arbiter(WatcherSpec... watchers) {
    return Await.result(ArbiterVerticle.deploy(vertx, ArbiterSpec.defaults(), List.of(watchers), NativeProcessLauncher::new));
  }

  private static WatcherSpec.Builder shell(String name, String script) {
    return WatcherSpec.builder(name).cmd("sh").args(new CommandArgs.Words(List.of("-c", script)));
  }

  private static void kill(int pid, int signal) {
    ProcessHandle.of(pid).ifPresent(h -> {
      try {
        new ProcessBuilder("kill", "-" + signal, Integer.toString(pid)).start().waitFor();
      } catch (IOException e) {
        throw new IllegalStateException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
  }

  @Test
  void aChildKilledWithSigkillIsReapedAndRespawnedWithItsWid() {
    Arbiter arbiter = arbiter(WatcherSpec.builder("sleepers").cmd("sleep 3600").numprocesses(2).build());
    Await.result(arbiter.start());
    Watcher sleepers = arbiter.watcher("sleepers").orElseThrow();
    ProcessInfo victim = sleepers.snapshot().processes().get(0);

    kill(victim.pid(), Signals.SIGKILL);

    JsonObject reap = events.awaitMatching("sleepers", "reap", d -> d.getInteger("process_pid") == victim.pid());
    assertThat(reap.getJsonObject("data").getInteger("exit_code")).isEqualTo(-9);
    await().atMost(Duration.ofSeconds(10)).until(() -> sleepers.snapshot().processes().size() == 2);
    assertThat(sleepers.snapshot().processes()).extracting(ProcessInfo::wid).containsExactlyInAnyOrder(1, 2);
    assertThat(ProcFs.state(victim.pid())).isNull();
  }

  @Test
  void aChildIgnoringSigtermAndItsChildrenAreKilledAfterGracefulTimeout() {
    // The shell ignores TERM, and so does the sleep it starts (an ignored signal stays ignored across exec).
    Arbiter arbiter = arbiter(shell("stubborn", "trap '' TERM; sleep 3600 & wait").gracefulTimeout(0.5).build());
    Await.result(arbiter.start());
    int pid = arbiter.watcher("stubborn").orElseThrow().snapshot().pids().get(0);
    await().atMost(Duration.ofSeconds(10)).until(() -> !ProcFs.childrenOf(pid).isEmpty());
    long grandchild = ProcFs.childrenOf(pid).keySet().iterator().next();

    Await.result(arbiter.stop());

    List<JsonObject> kills = events.waitFor("stubborn", "kill", 3);
    assertThat(kills).extracting(e -> e.getJsonObject("data").getInteger("process_pid"))
        .containsExactly(pid, pid, (int) grandchild);
    assertThat(events.waitFor("stubborn", "reap", 1).get(0).getJsonObject("data").getInteger("exit_code")).isEqualTo(-9);
    await().atMost(Duration.ofSeconds(5)).until(() -> ProcFs.state(grandchild) == null);
  }

  @Test
  void stopChildrenSendsTheStopSignalToTheChildrenToo() throws IOException {
    Path seen = dir.resolve("seen");
    String child = "trap 'echo child-got-term >> " + seen + "; exit 0' TERM; while :; do sleep 0.1; done";
    Arbiter arbiter = arbiter(shell("parent", "sh -c \"" + child + "\" & trap 'wait; exit 0' TERM; wait")
        .stopChildren(true).build());
    Await.result(arbiter.start());
    int pid = arbiter.watcher("parent").orElseThrow().snapshot().pids().get(0);
    await().atMost(Duration.ofSeconds(10)).until(() -> !ProcFs.childrenOf(pid).isEmpty());
    long childPid = ProcFs.childrenOf(pid).keySet().iterator().next();

    Await.result(arbiter.stop());

    assertThat(Files.readString(seen)).contains("child-got-term");
    // The process first: signalled after its children, a shell waiting for them may exit untrapped.
    assertThat(events.waitFor("parent", "kill", 2)).extracting(e -> e.getJsonObject("data").getLong("process_pid"))
        .containsExactly((long) pid, childPid);
  }

  @Test
  void aMissingProgramIsReportedWithTheOsErrorAndStopsTheWatcherAfterMaxRetry() {
    Arbiter arbiter = arbiter(WatcherSpec.builder("ghost").cmd("no-such-program-here --flag").maxRetry(3).build());

    Await.result(arbiter.start());

    List<JsonObject> errors = events.waitFor("ghost", "spawn_error", 3);
    assertThat(errors).hasSize(3).allSatisfy(e -> {
      assertThat(e.getJsonObject("data").getInteger("errno")).isEqualTo(2);
      assertThat(e.getJsonObject("data").getString("error")).contains("no-such-program-here", "No such file or directory");
    });
    assertThat(arbiter.watcher("ghost").orElseThrow().snapshot().state()).isEqualTo(WatcherState.STOPPED);
    assertThat(events.waitFor("ghost", "stop", 1)).hasSize(1);
  }

  @Test
  void aProgramThatIsNotExecutableIsReportedAsPermissionDenied() throws IOException {
    Path script = Files.writeString(dir.resolve("not-executable.sh"), "#!/bin/sh\nexit 0\n");
    Arbiter arbiter = arbiter(WatcherSpec.builder("locked").cmd(script.toString()).maxRetry(1).build());

    Await.result(arbiter.start());

    assertThat(events.waitFor("locked", "spawn_error", 1)).singleElement().satisfies(e -> {
      assertThat(e.getJsonObject("data").getInteger("errno")).isEqualTo(13);
      assertThat(e.getJsonObject("data").getString("error")).contains("Permission denied");
    });
  }

  @Test
  void anUnknownUserIsReportedAsASpawnError() {
    Arbiter arbiter = arbiter(WatcherSpec.builder("nobody-here").cmd("sleep 1").uid("no_such_user_xyz").maxRetry(1).build());

    Await.result(arbiter.start());

    assertThat(events.waitFor("nobody-here", "spawn_error", 1)).singleElement()
        .satisfies(e -> assertThat(e.getJsonObject("data").getString("error")).contains("no_such_user_xyz"));
  }

  @Test
  void theChildSeesItsEnvironmentWorkingDirLimitsAndUmask() throws IOException {
    Path report = dir.resolve("report");
    Path work = Files.createDirectory(dir.resolve("work"));
    String script = "{ echo \"env=$GREETING\"; echo \"home=${HOME:-unset}\"; echo \"cwd=$(pwd)\"; "
        + "echo \"nofile=$(ulimit -n)\"; echo \"umask=$(umask)\"; echo \"wid=$WID\"; } > " + report + "; exec sleep 3600";
    Arbiter arbiter = arbiter(shell("reporter", script).env("GREETING", "hello").env("WID", "$(circus.wid)")
        .workingDir(work.toString()).rlimit("nofile", 321L).umask(0027).build());

    Await.result(arbiter.start());

    await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(report) && Files.readString(report).contains("wid="));
    assertThat(Files.readAllLines(report)).contains("env=hello", "home=unset", "cwd=" + work, "nofile=321", "umask=0027");
  }

  @Test
  void copyEnvGivesTheChildCircusdsEnvironmentUnderneath() throws IOException {
    Path report = dir.resolve("report");
    Arbiter arbiter = arbiter(shell("copier", "echo \"path=$PATH\" > " + report + "; exec sleep 3600").copyEnv(true).build());

    Await.result(arbiter.start());

    await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(report) && Files.readString(report).contains("path="));
    assertThat(Files.readString(report).strip()).isEqualTo("path=" + System.getenv("PATH"));
  }

  @Test
  void aUidAndGidRunTheChildAsThatUser() throws IOException {
    assumeThat(ProcessHandle.current().info().user().orElse("")).as("needs root").isEqualTo("root");
    Path report = dir.resolve("report");
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
    Arbiter arbiter = arbiter(shell("dropped", "id -un > " + report + "; exec sleep 3600").uid("nobody").gid("nogroup").build());

    Await.result(arbiter.start());

    await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(report) && !Files.readString(report).isBlank());
    assertThat(Files.readString(report).strip()).isEqualTo("nobody");
  }

  @Test
  void maxAgeReplacesProcessesThatGetTooOld() {
    Arbiter arbiter = arbiter(WatcherSpec.builder("aging").cmd("sleep 3600").maxAge(1).maxAgeVariance(0).build());
    Await.result(arbiter.start());
    Watcher aging = arbiter.watcher("aging").orElseThrow();
    int first = aging.snapshot().pids().get(0);

    JsonObject killed = events.awaitMatching("aging", "kill", d -> d.getInteger("process_pid") == first);

    assertThat(killed).isNotNull();
    await().atMost(Duration.ofSeconds(10)).until(() -> aging.snapshot().pids().size() == 1 && !aging.snapshot().pids().contains(first));
  }

  @Test
  void twoHundredKillsLeaveNoZombieAndNoDescriptor() {
    Arbiter arbiter = arbiter(WatcherSpec.builder("victims").cmd("sleep 3600").numprocesses(4).build());
    Await.result(arbiter.start());
    Watcher victims = arbiter.watcher("victims").orElseThrow();
    int fdsBefore = ProcFs.openFdCount(ProcessHandle.current().pid());

    for (int i = 0; i < 200; i++) {
      int pid = victims.snapshot().pids().get(i % 4);
      kill(pid, Signals.SIGKILL);
      await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(2))
          .until(() -> victims.snapshot().pids().size() == 4 && !victims.snapshot().pids().contains(pid));
    }

    long self = ProcessHandle.current().pid();
    assertThat(ProcFs.childrenOf(self).values()).doesNotContain("Z").hasSize(4);
    assertThat(ProcFs.openFdCount(self)).isLessThanOrEqualTo(fdsBefore);
    assertThat(events.waitFor("victims", "reap", 200)).hasSize(200);
  }
}
