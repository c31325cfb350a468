package io.circus.commands;

import static io.circus.commands.CommandHarness.props;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.circus.arbiter.WatcherState;
import io.circus.config.WatcherSpec;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** start, stop, restart, reload, incr, decr, kill and signal. */
@ExtendWith(VertxExtension.class)
class LifecycleCommandsTest {

  private CommandHarness circus;

  @BeforeEach
  void setUp(Vertx vertx) {
    circus = new CommandHarness(vertx,
        WatcherSpec.builder("alpha").cmd("sleep 3600").numprocesses(2).build(),
        WatcherSpec.builder("beta").cmd("sleep 3601").priority(10).build(),
        WatcherSpec.builder("gamma").cmd("sleep 3602").singleton(true).build()).started();
  }

  private List<Integer> pids(String watcher) {
    return circus.arbiter.watcher(watcher).orElseThrow().snapshot().pids();
  }

  private WatcherState state(String watcher) {
    return circus.arbiter.watcher(watcher).orElseThrow().snapshot().state();
  }

  @Test
  void stopWithWaitingAnswersInfoNullOnceStoppedAndStartReportsStartedAndKept() {
    assertThat(circus.call("stop", props("name", "beta", "waiting", true)).fieldNames()).contains("info");
    assertThat(state("beta")).isEqualTo(WatcherState.STOPPED);

    JsonObject started = circus.call("start", props("name", "beta", "waiting", true)).getJsonObject("info");
    assertThat(started.getJsonArray("started")).hasSize(1);
    assertThat(started.getJsonArray("kept")).isEmpty();
    JsonObject again = circus.call("start", props("name", "beta", "waiting", true)).getJsonObject("info");
    assertThat(again.getJsonArray("started")).isEmpty();
    assertThat(again.getJsonArray("kept")).hasSize(1);
  }

  @Test
  void withoutWaitingTheOkComesAtOnceAndTheWorkFollows() {
    JsonObject reply = circus.call("stop", props("name", "alpha"));

    assertThat(reply.fieldNames()).containsExactly("status", "time", "id");
    await().atMost(Duration.ofSeconds(10)).until(() -> state("alpha") == WatcherState.STOPPED);
  }

  @Test
  void namesAreGlobsByDefaultAndCanBeSimpleOrRegex() {
    circus.call("stop", props("name", "?eta", "waiting", true));
    assertThat(state("beta")).isEqualTo(WatcherState.STOPPED);
    circus.call("stop", props("name", "^(alpha|gamma)$", "match", "regex", "waiting", true));
    assertThat(state("alpha")).isEqualTo(WatcherState.STOPPED);
    assertThat(state("gamma")).isEqualTo(WatcherState.STOPPED);
    circus.call("start", props("name", "BETA", "match", "simple", "waiting", true));
    assertThat(state("beta")).isEqualTo(WatcherState.ACTIVE);

    assertThat(circus.call("stop", props("name", "z*")).getString("reason")).isEqualTo("program z* not found");
    assertThat(circus.call("start", props("name", "a", "match", "bogus")).getString("reason")).isEqualTo("unknown match method bogus");
  }

  @Test
  void restartOfOneWatcherReportsStoppedStartedAndKept() {
    List<Integer> before = pids("alpha");

    JsonObject info = circus.call("restart", props("name", "alpha", "waiting", true)).getJsonObject("info");

    assertThat(info.getJsonArray("stopped").getList()).containsExactlyInAnyOrderElementsOf(before);
    assertThat(info.getJsonArray("started")).hasSize(2);
    assertThat(info.getJsonArray("kept")).isEmpty();
  }

  @Test
  void reloadIsGracefulByDefaultAndARestartWhenNotGraceful() {
    List<Integer> before = pids("alpha");

    JsonObject info = circus.call("reload", props("name", "alpha", "waiting", true)).getJsonObject("info");
    assertThat(info.getJsonArray("stopped").getList()).containsExactlyInAnyOrderElementsOf(before);
    assertThat(circus.eventsOf("alpha", "reload")).hasSize(1);

    circus.call("reload", props("name", "alpha", "graceful", false, "waiting", true));
    assertThat(circus.eventsOf("alpha", "reload")).hasSize(1);
    assertThat(circus.eventsOf("alpha", "stop")).hasSize(1);
  }

  @Test
  void incrAndDecrChangeTheCountWithWaitingReportingTheNewNumber() {
    assertThat(circus.call("incr", props("name", "alpha", "nb", 2, "waiting", true)).getInteger("numprocesses")).isEqualTo(4);
    assertThat(pids("alpha")).hasSize(4);
    List<Integer> beforeDecr = pids("alpha");
    assertThat(circus.call("decr", props("name", "alpha", "nb", 3, "waiting", true)).getInteger("numprocesses")).isEqualTo(1);
    assertThat(pids("alpha")).containsExactly(beforeDecr.get(3));
    assertThat(circus.call("decr", props("name", "beta", "nb", 5, "waiting", true)).getInteger("numprocesses")).isZero();
    assertThat(state("beta")).isEqualTo(WatcherState.ACTIVE);
  }

  @Test
  void incrOfASingletonChangesNothing() {
    JsonObject reply = circus.call("incr", props("name", "gamma", "waiting", true));

    assertThat(reply.getInteger("numprocesses")).isEqualTo(1);
    assertThat(reply.getBoolean("singleton")).isTrue();
  }

  @Test
  void aNonIntegerNbIsRefusedUpFront() {
    assertThat(circus.call("incr", props("name", "alpha", "nb", "two")).getString("reason")).isEqualTo("'nb' isn't an integer");
  }

  @Test
  void killStopsAProcessWhichIsThenReplaced() {
    int victim = pids("alpha").get(0);

    circus.call("kill", props("name", "alpha", "pid", Integer.toString(victim), "signum", "KILL", "waiting", true));

    assertThat(pids("alpha")).doesNotContain(victim);
    await().atMost(Duration.ofSeconds(10)).until(() -> pids("alpha").size() == 2);
    assertThat(circus.call("kill", props("name", "nope")).getString("reason")).isEqualTo("program nope not found");
    assertThat(circus.call("kill", props("name", "alpha", "signum", "+")).getString("reason")).isEqualTo("signal invalid");
    JsonObject badName = circus.call("kill", props("name", "alpha", "signum", "NOPE"));
    assertThat(badName.getInteger("errno")).isEqualTo(5);
    assertThat(badName.getString("reason")).endsWith("module 'signal' has no attribute 'SIGNOPE'");
  }

  @Test
  void signalSendsWithoutTheStopMachineryAndWithoutEvents() {
    int victim = pids("beta").get(0);
    int kills = circus.eventsOf("beta", "kill").size();

    assertThat(circus.call("signal", props("name", "beta", "pid", victim, "signum", "TERM")).getString("status")).isEqualTo("ok");

    JsonObject reap = await().atMost(Duration.ofSeconds(10)).until(() -> circus.eventsOf("beta", "reap"), r -> !r.isEmpty()).get(0);
    assertThat(reap.getJsonObject("data").getInteger("exit_code")).isEqualTo(-15);
    assertThat(circus.eventsOf("beta", "kill")).hasSize(kills);
    await().atMost(Duration.ofSeconds(10)).until(() -> pids("beta").size() == 1);
    assertThat(circus.call("signal", props("name", "beta")).getString("reason")).isEqualTo("message invalid 'signum' is missing");
    JsonObject childWithoutPid = circus.call("signal", props("name", "beta", "signum", "CONT", "childpid", 1));
    assertThat(childWithoutPid.getInteger("errno")).isEqualTo(5);
    assertThat(childWithoutPid.getString("reason")).endsWith("cannot specify childpid without pid");
  }

  @Test
  void startAndStopWithoutANameActOnEveryWatcher() {
    circus.call("stop", props("waiting", true));
    assertThat(List.of(state("alpha"), state("beta"), state("gamma"))).containsOnly(WatcherState.STOPPED);

    circus.call("start", props("waiting", true));
    assertThat(List.of(state("alpha"), state("beta"), state("gamma"))).containsOnly(WatcherState.ACTIVE);
  }
}
