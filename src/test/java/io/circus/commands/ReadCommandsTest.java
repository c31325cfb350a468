package io.circus.commands;

import static io.circus.commands.CommandHarness.props;
import static org.assertj.core.api.Assertions.assertThat;

import io.circus.config.CommandArgs;
import io.circus.config.WatcherSpec;
import io.circus.process.Signals;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** list, status, numprocesses, numwatchers, options, get, globaloptions, stats, dstats and the rest that only read. */
@ExtendWith(VertxExtension.class)
class ReadCommandsTest {

  private CommandHarness circus;

  @BeforeEach
  void setUp(Vertx vertx) {
    circus = new CommandHarness(vertx,
        WatcherSpec.builder("alpha").cmd("sleep 3600").numprocesses(2).gracefulTimeout(5).source("circus.ini:1").build(),
        WatcherSpec.builder("Beta").cmd("sleep").args(new CommandArgs.Text("3601")).priority(10).stopSignal(Signals.SIGINT)
            .source("circus.ini:5").build(),
        WatcherSpec.builder("idle").cmd("sleep 3602").autostart(false).source("circus.ini:9").build()).started();
  }

  @Test
  void listGivesSortedLowerCaseNamesOrTheLivePidsOfOneWatcher() {
    assertThat(circus.call("list").getJsonArray("watchers")).containsExactly("alpha", "beta", "idle");
    JsonArray pids = circus.call("list", props("name", "ALPHA")).getJsonArray("pids");
    assertThat(pids.getList()).isEqualTo(circus.arbiter.watcher("alpha").orElseThrow().snapshot().pids());
    assertThat(circus.call("list", props("name", "idle")).getJsonArray("pids")).isEmpty();
    JsonObject missing = circus.call("list", props("name", "nope"));
    assertThat(missing.getString("reason")).isEqualTo("program nope not found");
    assertThat(missing.getInteger("errno")).isEqualTo(3);
  }

  @Test
  void statusGivesEveryStateOrOneStateInTheStatusField() {
    assertThat(circus.call("status").getJsonObject("statuses").getMap())
        .containsExactlyInAnyOrderEntriesOf(CommandHarness.map("alpha", "active", "Beta", "active", "idle", "stopped"));
    assertThat(circus.call("status", props("name", "alpha")).getString("status")).isEqualTo("active");
    assertThat(circus.call("status", props("name", "idle")).getString("status")).isEqualTo("stopped");
  }

  @Test
  void numprocessesCountsLiveProcessesAndEchoesTheNameAsSent() {
    assertThat(circus.call("numprocesses").getInteger("numprocesses")).isEqualTo(3);
    JsonObject one = circus.call("numprocesses", props("name", "Alpha"));
    assertThat(one.getInteger("numprocesses")).isEqualTo(2);
    assertThat(one.getString("watcher_name")).isEqualTo("Alpha");
    assertThat(circus.call("numwatchers", props("name", "alpha")).getInteger("numwatchers")).isEqualTo(3);
  }

  @Test
  void optionsListsEveryOptionSorted() {
    JsonObject options = circus.call("options", props("name", "alpha")).getJsonObject("options");

    assertThat(options.fieldNames()).containsExactly("args", "close_child_stderr", "close_child_stdin", "close_child_stdout",
        "cmd", "copy_env", "env", "executable", "gid", "graceful_timeout", "max_age", "max_age_variance", "max_retry",
        "numprocesses", "on_demand", "priority", "respawn", "send_hup", "shell", "shell_args", "singleton",
        "stderr_stream_conf", "stdout_stream_conf", "stop_children", "stop_signal", "uid", "use_sockets", "warmup_delay",
        "working_dir");
    assertThat(options.getString("args")).isEmpty();
    assertThat(options.getJsonObject("env")).isEmpty();
    assertThat(options.getDouble("graceful_timeout")).isEqualTo(5.0);
    assertThat(options.getString("working_dir")).isEqualTo("/run/dir");
    assertThat(circus.call("options", props()).getString("reason")).isEqualTo("message invalid 'name' is missing");
  }

  @Test
  void getGivesTheRequestedOptionsInOrderAndFailsOnAnUnknownOne() {
    JsonObject options = circus.call("get", props("name", "beta", "keys", new JsonArray(List.of("args", "priority", "stop_signal"))))
        .getJsonObject("options");
    assertThat(options.fieldNames()).containsExactly("args", "priority", "stop_signal");
    assertThat(options.getString("args")).isEqualTo("3601");
    assertThat(options.getInteger("stop_signal")).isEqualTo(2);

    assertThat(circus.call("get", props("name", "alpha", "keys", new JsonArray(List.of("numprocesses", "nope")))).getString("reason"))
        .isEqualTo("'nope' option not found");
    assertThat(circus.call("get", props("name", "alpha", "keys", "cmd")).getString("reason")).isEqualTo("'c' option not found");
    assertThat(circus.call("get", props("name", "alpha")).getString("reason")).isEqualTo("message invalid 'keys' is missing");
  }

  @Test
  void globaloptionsGivesTheFiveOptionsOrOne() {
    JsonObject all = circus.call("globaloptions").getJsonObject("options");
    assertThat(all.fieldNames()).containsExactly("endpoint", "stats_endpoint", "pubsub_endpoint", "check_delay", "multicast_endpoint");
    assertThat(circus.call("globaloptions", props("option", "check_delay")).getJsonObject("options").getMap())
        .containsExactlyEntriesOf(CommandHarness.map("check_delay", 5.0));
    assertThat(circus.call("globaloptions", props("option", "nope")).getString("reason")).isEqualTo("'nope' not an existing option");
    assertThat(circus.call("globaloptions", props("option", "")).getJsonObject("options")).hasSize(5);
  }

  @Test
  void statsGivesCircusProcessRecords() {
    int pid = circus.arbiter.watcher("alpha").orElseThrow().snapshot().pids().get(0);
    JsonObject one = circus.call("stats", props("name", "alpha", "process", Integer.toString(pid)));

    assertThat(one.getString("process")).isEqualTo(Integer.toString(pid));
    JsonObject info = one.getJsonObject("info");
    assertThat(info.fieldNames()).contains("mem_info1", "mem_info2", "cpu", "mem", "ctime", "pid", "username", "nice",
        "create_time", "age", "cmdline", "children", "started", "wid");
    assertThat(info.getInteger("pid")).isEqualTo(pid);
    assertThat(info.getString("cmdline")).isEqualTo("sleep");
    assertThat(info.getString("mem_info1")).matches("\\d+(\\.\\d\\d[KMGTPEZY]|B)");
    assertThat(info.getString("ctime")).matches("\\d+:\\d\\d\\.\\d{1,2}");
    assertThat(info.getInteger("wid")).isEqualTo(1);

    JsonObject watcher = circus.call("stats", props("name", "alpha"));
    assertThat(watcher.getString("name")).isEqualTo("alpha");
    assertThat(watcher.getJsonObject("info").fieldNames()).hasSize(2).contains(Integer.toString(pid));
    assertThat(circus.call("stats").getJsonObject("infos").getJsonObject("idle")).isEmpty();
    assertThat(circus.call("stats", props("name", "alpha", "process", 1)).getString("reason")).isEqualTo("process 1 not found in 'alpha'");
  }

  @Test
  void dstatsDescribesCircusdItself() {
    JsonObject info = circus.call("dstats").getJsonObject("info");

    assertThat(info.getLong("pid")).isEqualTo(ProcessHandle.current().pid());
    assertThat(info.getJsonArray("children")).isEmpty();
    assertThat(info.fieldNames()).doesNotContain("wid", "started");
  }

  @Test
  void listenIpythonAndListsocketsAnswerAsADaemonWithoutThemWould() {
    assertThat(circus.call("listen", props()).getString("reason")).isEqualTo("invalid message. use a pub/sub socket");
    JsonObject ipython = circus.call("ipython", props());
    assertThat(ipython.getString("status")).isEqualTo("ok");
    assertThat(ipython.getBoolean("shell")).isFalse();
    assertThat(circus.call("listsockets").getJsonArray("sockets")).isEmpty();
  }
}
