package io.circus.commands;

import static io.circus.commands.CommandHarness.props;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.circus.arbiter.WatcherState;
import io.circus.config.WatcherSpec;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** add, rm, set, reloadconfig, quit and restart of the whole arbiter. */
@ExtendWith(VertxExtension.class)
class ChangeCommandsTest {

  private CommandHarness circus;

  @BeforeEach
  void setUp(Vertx vertx) {
    circus = new CommandHarness(vertx, WatcherSpec.builder("alpha").cmd("sleep 3600").numprocesses(2).build(),
        WatcherSpec.builder("gamma").cmd("sleep 3602").singleton(true).build()).started();
  }

  private List<Integer> pids(String watcher) {
    return circus.arbiter.watcher(watcher).orElseThrow().snapshot().pids();
  }

  @Test
  void addCreatesAStoppedWatcherAndPublishesAdd() {
    assertThat(circus.call("add", props("name", "delta", "cmd", "sleep 3603")).getString("status")).isEqualTo("ok");

    assertThat(circus.call("status", props("name", "delta")).getString("status")).isEqualTo("stopped");
    await().until(() -> circus.eventsOf("delta", "add").size() == 1);
    assertThat(circus.eventsOf("delta", "add").get(0).getJsonObject("data").getDouble("time")).isPositive();
    JsonObject duplicate = circus.call("add", props("name", "DELTA", "cmd", "sleep 3603"));
    assertThat(duplicate.getInteger("errno")).isEqualTo(5);
    assertThat(duplicate.getString("reason")).endsWith("'DELTA' already exist");
  }

  @Test
  void addWithStartAndWaitingReportsTheStartedPidsAtTopLevel() {
    JsonObject reply = circus.call("add", props("name", "epsilon", "cmd", "sleep", "args", new JsonArray().add("3604"),
        "options", props("numprocesses", 2, "graceful_timeout", 3), "start", true, "waiting", true));

    assertThat(reply.getJsonArray("started")).hasSize(2);
    assertThat(reply.getJsonArray("kept")).isEmpty();
    JsonObject options = circus.call("options", props("name", "epsilon")).getJsonObject("options");
    assertThat(options.getJsonArray("args")).containsExactly("3604");
    assertThat(options.getValue("env")).isNull();
    assertThat(options.getDouble("graceful_timeout")).isEqualTo(3.0);
  }

  @Test
  void addValidatesItsProperties() {
    assertThat(circus.call("add", props("cmd", "sleep 1")).getString("reason")).isEqualTo("message invalid 'name' is missing");
    assertThat(circus.call("add", props("name", "eta")).getString("reason")).isEqualTo("message invalid 'cmd' is missing");
    assertThat(circus.call("add", props("name", "eta", "cmd", "x", "options", "x")).getString("reason"))
        .isEqualTo("'options' property should be an object");
    assertThat(circus.call("add", props("name", "eta", "cmd", "x", "options", props("numprocesses", "x"))).getString("reason"))
        .isEqualTo("'numprocesses' isn't an integer");
    assertThat(circus.call("add", props("name", "eta", "cmd", "x", "options", props("priority", 3))).getString("reason"))
        .isEqualTo("unknown key 'priority'");
  }

  @Test
  void aProgramThatCannotStartEndsStoppedWithNothingStarted() {
    JsonObject reply = circus.call("add", props("name", "broken", "cmd", "no-such-program-xyz", "options", props("max_retry", 2),
        "start", true, "waiting", true));

    assertThat(reply.getJsonArray("started")).isEmpty();
    assertThat(circus.call("status", props("name", "broken")).getString("status")).isEqualTo("stopped");
  }

  @Test
  void rmPublishesRemoveThenStopsUnlessNostop() {
    circus.call("add", props("name", "orphan", "cmd", "sleep 3608", "start", true, "waiting", true));
    int orphan = pids("orphan").get(0);
    List<Integer> alpha = pids("alpha");

    circus.call("rm", props("name", "alpha", "waiting", true));
    circus.call("rm", props("name", "orphan", "nostop", true, "waiting", true));

    assertThat(circus.call("list").getJsonArray("watchers")).containsExactly("gamma");
    assertThat(circus.eventsOf("alpha", "remove")).singleElement()
        .satisfies(remove -> assertThat(remove.getJsonObject("data").getDouble("time")).isPositive());
    assertThat(alpha).allMatch(pid -> ProcessHandle.of(pid).isEmpty());
    assertThat(ProcessHandle.of(orphan)).isPresent();
    ProcessHandle.of(orphan).ifPresent(ProcessHandle::destroy);
    // circusd still reaps a released process when it ends (silently): wait for that before closing.
    await().atMost(Duration.ofSeconds(10)).until(() -> io.circus.testing.ProcFs.state(orphan) == null);
    assertThat(circus.eventsOf("orphan", "reap")).isEmpty();
  }

  @Test
  void setChangesOptionsWithOneUpdatedEventEach() {
    circus.call("set", props("name", "alpha", "options", props("graceful_timeout", 2.5, "warmup_delay", 0), "waiting", true));

    JsonObject options = circus.call("get", props("name", "alpha", "keys", new JsonArray(List.of("graceful_timeout", "warmup_delay"))))
        .getJsonObject("options");
    assertThat(options.getDouble("graceful_timeout")).isEqualTo(2.5);
    await().until(() -> circus.eventsOf("alpha", "updated").size() == 2);
    assertThat(circus.eventsOf("alpha", "updated")).allSatisfy(updated -> assertThat(updated.getJsonObject("data").fieldNames())
        .containsExactly("time"));
  }

  @Test
  void setNumprocessesRescalesAndSetEnvReloadsWithNewProcesses() {
    circus.call("set", props("name", "alpha", "options", props("numprocesses", 3), "waiting", true));
    assertThat(pids("alpha")).hasSize(3);
    List<Integer> before = pids("alpha");

    circus.call("set", props("name", "alpha", "options", props("env", props("FOO", "bar")), "waiting", true));

    assertThat(pids("alpha")).hasSize(3).doesNotContainAnyElementsOf(before);
    assertThat(circus.call("get", props("name", "alpha", "keys", new JsonArray().add("env"))).getJsonObject("options")
        .getJsonObject("env").getString("FOO")).isEqualTo("bar");
  }

  @Test
  void setAppliesTheOptionsCircusIgnores() {
    circus.call("set", props("name", "alpha", "options", props("respawn", false, "max_retry", 3), "waiting", true));

    JsonObject options = circus.call("get", props("name", "alpha", "keys", new JsonArray(List.of("respawn", "max_retry"))))
        .getJsonObject("options");
    assertThat(options.getBoolean("respawn")).isFalse();
    assertThat(options.getInteger("max_retry")).isEqualTo(3);
  }

  @Test
  void setRefusesBadOptionsWithCircusWording() {
    assertThat(reason("set", props("name", "alpha", "options", props("stop_signal", "TERM")))).isEqualTo("'stop_signal' isn't an integer");
    assertThat(reason("set", props("name", "alpha", "options", props("graceful_timeout", "x")))).isEqualTo("'graceful_timeout' isn't a number");
    assertThat(reason("set", props("name", "alpha", "options", props("send_hup", "yes")))).isEqualTo("'send_hup' isn't a valid boolean");
    assertThat(reason("set", props("name", "alpha", "options", props("env", props("A", 1))))).isEqualTo("'A' isn't a string");
    assertThat(reason("set", props("name", "alpha", "options", props("bogus", 1)))).isEqualTo("unknown key 'bogus'");
    assertThat(reason("set", props("name", "alpha", "options", props("stdout_stream", props("filename", "x")))))
        .isEqualTo("'stdout_stream' must have a 'class' key");
    assertThat(reason("set", props("name", "alpha", "options", props("rlimit_bogus", 1)))).isEqualTo("'rlimit_bogus' isn't a valid rlimit setting");
    assertThat(reason("set", props("name", "alpha", "options", new JsonArray().add(1)))).isEqualTo("'options' property should be an object");
    assertThat(reason("set", props("name", "alpha", "options", props("hooks", props("bogus_hook", "x.y")))))
        .isEqualTo("Unknown hook {'bogus_hook': 'x.y'}");
    JsonObject unloadable = circus.call("set", props("name", "alpha", "options", props("hooks", props("before_start", "no.such.Hook"))));
    assertThat(unloadable.getInteger("errno")).isEqualTo(5);
    assertThat(unloadable.getString("reason")).contains("no.such.Hook cannot be loaded");
    assertThat(reason("set", props("name", "gamma", "options", props("numprocesses", 2)))).endsWith("Singleton watcher has a single process");
    assertThat(reason("set", props("name", "alpha", "options", props("uid", "no-such-user-xyz"))))
        .endsWith("'no-such-user-xyz' isn't a valid user name");
  }

  @Test
  void reloadconfigAsksTheDaemonAndNamesWhatNeedsARestart() {
    JsonObject reply = circus.call("reloadconfig", props("waiting", true));

    assertThat(circus.daemon.calls).containsExactly("reloadconfig");
    assertThat(reply.getJsonArray("restart_required")).containsExactly("endpoint");
  }

  @Test
  void quitStopsEveryWatcherThenExitsAfterTheReply() {
    JsonObject reply = circus.call("quit", props("waiting", true));

    assertThat(reply.getString("status")).isEqualTo("ok");
    assertThat(circus.arbiter.watchers()).allMatch(w -> w.snapshot().state() == WatcherState.STOPPED);
    await().atMost(Duration.ofSeconds(5)).until(() -> circus.daemon.calls.equals(List.of("stop-for-quit", "exit")));
  }

  @Test
  void restartWithoutANameRestartsTheWholeArbiter() {
    circus.call("restart", props("waiting", true));

    assertThat(circus.daemon.calls).containsExactly("restart");
    assertThat(circus.call("list").getJsonArray("watchers")).isEmpty();
  }

  private String reason(String command, JsonObject properties) {
    return circus.call(command, properties).getString("reason");
  }
}
