package io.circus.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.circus.arbiter.Arbiter;
import io.circus.arbiter.ArbiterVerticle;
import io.circus.arbiter.Await;
import io.circus.arbiter.Watcher;
import io.circus.config.ArbiterSpec;
import io.circus.config.CommandArgs;
import io.circus.config.StreamSpec;
import io.circus.config.WatcherSpec;
import io.circus.process.NativeProcessLauncher;
import io.circus.process.OutputKind;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Output streams of real processes through a real arbiter. */
@ExtendWith(VertxExtension.class)
class StreamsTest {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @TempDir
  Path dir;
  private Vertx vertx;
  private String gate;

  @BeforeEach
  void setUp(Vertx vertx) {
    this.vertx = vertx;
  }

  @AfterEach
  void openGate() {
    if (gate != null) GateStream.open(gate);
  }

  private Arbiter arbiter(WatcherSpec... watchers) {
    return Await.result(ArbiterVerticle.deploy(vertx, ArbiterSpec.defaults(), List.of(watchers), NativeProcessLauncher::new));
  }

  private static WatcherSpec.Builder shell(String name, String script) {
    return WatcherSpec.builder(name).cmd("sh").args(new CommandArgs.Words(List.of("-c", script)));
  }

  private StreamSpec file(String name) {
    return new StreamSpec("FileStream", Map.of("filename", dir.resolve(name).toString()));
  }

  private static List<String> lines(Path file) {
    try {
      return Files.exists(file) ? Files.readAllLines(file) : List.of();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void numberedLinesWrittenJustBeforeExitAllReachTheFileInOrder() {
    Arbiter arbiter = arbiter(shell("burst", "seq 1 200000; printf 'no newline'").respawn(false)
        .stdoutStream(file("burst.log")).build());
    Await.result(arbiter.start());

    Path log = dir.resolve("burst.log");
    await().atMost(PATIENCE).until(() -> lines(log).size() == 200_001);
    List<String> lines = lines(log);
    for (int i = 0; i < 200_000; i++) assertThat(lines.get(i)).isEqualTo(String.valueOf(i + 1));
    assertThat(lines.get(200_000)).isEqualTo("no newline");
  }

  @Test
  void stdoutAndStderrGoToTheirOwnStreamsAndUnstreamedOutputIsNotPiped() {
    Arbiter arbiter = arbiter(shell("both", "echo out; echo err >&2; exec sleep 3600")
        .stdoutStream(file("out.log")).stderrStream(file("err.log")).build());
    Await.result(arbiter.start());

    await().atMost(PATIENCE).until(() -> lines(dir.resolve("out.log")).equals(List.of("out"))
        && lines(dir.resolve("err.log")).equals(List.of("err")));
  }

  @Test
  void severalWatchersShareOneFileWithoutMixingLines() {
    StreamSpec shared = file("shared.log");
    Arbiter arbiter = arbiter(
        shell("a", "i=0; while [ $i -lt 2000 ]; do echo \"a-$i-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"; i=$((i+1)); done; exec sleep 3600")
            .stdoutStream(shared).build(),
        shell("b", "i=0; while [ $i -lt 2000 ]; do echo \"b-$i-bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\"; i=$((i+1)); done; exec sleep 3600")
            .stdoutStream(shared).build());
    Await.result(arbiter.start());

    Path log = dir.resolve("shared.log");
    await().atMost(PATIENCE).until(() -> lines(log).size() == 4000);
    assertThat(lines(log)).allMatch(l -> l.matches("a-\\d+-a{36}|b-\\d+-b{36}"));
  }

  @Test
  void aBlockedStreamHoldsOnlyItsOwnProcessesAndLosesNothing() {
    gate = "blocked-" + System.nanoTime();
    GateStream.shut(gate);
    StreamSpec blocked = new StreamSpec(GateStream.class.getName(), Map.of("id", gate, StreamSpec.QUEUE_BYTES, "65536"));
    Arbiter arbiter = arbiter(
        shell("stuck", "seq 1 100000; exec sleep 3600").stdoutStream(blocked).build(),
        shell("free", "seq 1 1000; exec sleep 3600").stdoutStream(file("free.log")).build());
    Await.result(arbiter.start());
    Watcher free = arbiter.watcher("free").orElseThrow();

    await().atMost(PATIENCE).until(() -> lines(dir.resolve("free.log")).size() == 1000);
    assertThat(Await.result(free.setNumprocesses(2))).isEqualTo(2); // commands still run
    await().atMost(PATIENCE).until(() -> lines(dir.resolve("free.log")).size() == 2000);

    GateStream.open(gate);
    await().atMost(PATIENCE).until(() -> GateStream.received(gate).split("\n").length == 100_000);
    String[] received = GateStream.received(gate).split("\n");
    for (int i = 0; i < received.length; i++) assertThat(received[i]).isEqualTo(String.valueOf(i + 1));
  }

  @Test
  void aWatcherWhoseStreamIsStuckStillStops() {
    gate = "stuck-" + System.nanoTime();
    GateStream.shut(gate);
    StreamSpec stuck = new StreamSpec(GateStream.class.getName(), Map.of("id", gate, StreamSpec.QUEUE_BYTES, "65536"));
    Arbiter arbiter = arbiter(shell("stuck", "seq 1 1000000; exec sleep 3600").stdoutStream(stuck).build());
    Await.result(arbiter.start());
    Watcher watcher = arbiter.watcher("stuck").orElseThrow();

    Await.result(watcher.stop());

    assertThat(watcher.snapshot().processes()).isEmpty();
  }

  @Test
  void theArbiterStopsEvenWithAStreamStuckInAWrite() {
    gate = "hung-" + System.nanoTime();
    GateStream.shut(gate);
    StreamSpec hung = new StreamSpec(GateStream.class.getName(), Map.of("id", gate));
    Arbiter arbiter = arbiter(shell("hung", "echo one; exec sleep 3600").stdoutStream(hung).build());
    Await.result(arbiter.start());
    await().atMost(PATIENCE).until(() -> GateStream.WAITED.contains(gate));

    // The streams are given up after a while, so circusd can exit.
    Await.result(Future.all(vertx.deploymentIDs().stream().map(vertx::undeploy).toList()));

    assertThat(arbiter.watcher("hung").orElseThrow().snapshot().processes()).isEmpty();
  }

  @Test
  void withTheDropPolicyABlockedStreamNeverHoldsTheProcess() {
    gate = "dropping-" + System.nanoTime();
    GateStream.shut(gate);
    StreamSpec dropping = new StreamSpec(GateStream.class.getName(),
        Map.of("id", gate, StreamSpec.BACKPRESSURE, "drop", StreamSpec.QUEUE_BYTES, "65536"));
    Arbiter arbiter = arbiter(shell("dropper", "seq 1 300000").respawn(false).stdoutStream(dropping).build());
    Watcher dropper = arbiter.watcher("dropper").orElseThrow();
    Await.result(arbiter.start());

    // The process writes about 2 MB and exits although its stream took nothing: the rest is dropped, counted.
    await().atMost(PATIENCE).until(() -> dropper.snapshot().processes().isEmpty());
    assertThat(dropper.output().lostBytes(OutputKind.STDOUT)).isPositive();
  }

  @Test
  void theRecentLinesOfTheProcessesAreKeptForTail() {
    Arbiter arbiter = arbiter(shell("talker", "seq 1 5000; echo oops >&2; exec sleep 3600")
        .stdoutStream(file("t.log")).stderrStream(file("t.err")).build());
    Await.result(arbiter.start());
    Watcher talker = arbiter.watcher("talker").orElseThrow();
    int pid = talker.snapshot().pids().get(0);

    await().atMost(PATIENCE).until(() -> talker.output().recent(3).size() == 3
        && talker.output().recent(3).get(2).text().equals("oops"));
    assertThat(talker.output().recent(3)).containsExactly(new RecentLine(pid, "stdout", "4999"),
        new RecentLine(pid, "stdout", "5000"), new RecentLine(pid, "stderr", "oops"));

    // what a live tail asks for when it sees a gap: the blocks after a number, up to now
    WatcherOutput.Recent all = talker.output().recentAndSequence(10, 0);
    WatcherOutput.Recent last = talker.output().recentAndSequence(10, all.sequence() - 1);
    assertThat(last.sequence()).isEqualTo(all.sequence());
    assertThat(last.lines()).endsWith(new RecentLine(pid, "stderr", "oops")).doesNotContain(all.lines().get(0));
    assertThat(talker.output().recentAndSequence(10, all.sequence()).lines()).isEmpty();
  }
}
