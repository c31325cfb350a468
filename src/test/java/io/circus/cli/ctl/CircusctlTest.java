package io.circus.cli.ctl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.circus.testing.FakeCircusd;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** circusctl beyond the corpus cases: parsing, the shell, --config, help, Ctrl-C. */
class CircusctlTest {

  @TempDir
  Path dir;

  private static JsonObject ok() {
    return new JsonObject().put("status", "ok").put("time", 1.5);
  }

  private static JsonObject watchers() {
    return ok().put("watchers", new JsonArray().add("db").add("web")).put("id", null);
  }

  private static JsonObject properties(FakeCircusd circusd, int index) {
    return circusd.requests().get(index).json().getJsonObject("properties");
  }

  @Test
  void statusShowsTheSummariesOfPluginNotesAfterTheState() throws Exception {
    JsonObject note = new JsonObject().put("state", "waiting").put("summary", "flapping: restart in 8.0 s (attempt 3)");
    try (FakeCircusd circusd = FakeCircusd.replying(request -> request.getJsonObject("properties", new JsonObject())
        .containsKey("name")
        ? ok().put("status", "stopped").put("notes", new JsonObject().put("flapping", note)).put("id", null)
        : ok().put("statuses", new JsonObject().put("web", "stopped").put("db", "active"))
            .put("notes", new JsonObject().put("web", new JsonObject().put("flapping", note))).put("id", null))) {
      CircusctlRunner.Result all = CircusctlRunner.run("--endpoint", circusd.endpoint(), "status");
      CircusctlRunner.Result one = CircusctlRunner.run("--endpoint", circusd.endpoint(), "status", "web");

      assertThat(all.stdout()).isEqualTo("db: active\nweb: stopped (flapping: restart in 8.0 s (attempt 3))\n");
      assertThat(one.stdout()).isEqualTo("stopped (flapping: restart in 8.0 s (attempt 3))\n");
    }
  }

  @Test
  void optionsMayBeAbbreviatedWrittenWithEqualsAndPlacedBetweenWords() throws Exception {
    try (FakeCircusd circusd = FakeCircusd.replying(request -> ok().put("id", null))) {
      CircusctlRunner.Result result = CircusctlRunner.run("--end=" + circusd.endpoint(), "signal", "web", "--chil",
          "HUP", "--json");
      // A command's own options come first: --s is kill's --signum, not the global --ssh.
      CircusctlRunner.run("--endpoint", circusd.endpoint(), "kill", "web", "--s", "KILL");

      assertThat(result.status()).isZero();
      assertThat(properties(circusd, 0).encode())
          .isEqualTo("{\"name\":\"web\",\"children\":true,\"recursive\":false,\"signum\":\"HUP\"}");
      assertThat(result.stdout()).startsWith("{\"status\": \"ok\", \"time\": 1.5, \"id\": ");
      assertThat(properties(circusd, 1).encode()).isEqualTo("{\"name\":\"web\",\"signum\":\"KILL\"}");
    }
  }

  @Test
  void tailAsksForTheLastLinesWithShortOptionsAndPrintsOnePerLine() throws Exception {
    JsonArray lines = new JsonArray().add(new JsonObject().put("pid", 12).put("stream", "stdout").put("line", "hello"))
        .add(new JsonObject().put("pid", 13).put("stream", "stderr").put("line", "oops"));
    try (FakeCircusd circusd = FakeCircusd.replying(request -> ok().put("lines", lines).put("id", null))) {
      CircusctlRunner.Result result = CircusctlRunner.run("--endpoint", circusd.endpoint(), "tail", "-n", "2", "web");

      assertThat(properties(circusd, 0).encode()).isEqualTo("{\"name\":\"web\",\"lines\":2}");
      assertThat(result.stdout()).isEqualTo("12 stdout | hello\n13 stderr | oops\n");
      assertThat(CircusctlRunner.run("--endpoint", circusd.endpoint(), "tail", "-n", "many", "web").stderr())
          .contains("-n/--lines");
    }
  }

  @Test
  void wordsAfterDoubleDashAreTheCommandLineOfAdd() throws Exception {
    try (FakeCircusd circusd = FakeCircusd.replying(request -> ok().put("id", null))) {
      CircusctlRunner.run("--endpoint", circusd.endpoint(), "add", "--start", "web", "--", "python3", "-m",
          "http.server", "--bind", "127.0.0.1");

      assertThat(properties(circusd, 0).getString("cmd")).isEqualTo("python3 -m http.server --bind 127.0.0.1");
      assertThat(properties(circusd, 0).getBoolean("start")).isTrue();
    }
  }

  @Test
  void usageErrorsExitTwoWithArgparseMessages() {
    assertThat(CircusctlRunner.run("list", "--bogus", "extra")).isEqualTo(new CircusctlRunner.Result(2, "",
        "usage: circusctl [options] command [args]\ncircusctl: error: unrecognized arguments: --bogus\n"));
    assertThat(CircusctlRunner.run("--s", "x", "list").stderr())
        .endsWith("error: ambiguous option: --s could match --ssh, --ssh_keyfile\n");
    assertThat(CircusctlRunner.run("stats", "--extended=yes").stderr())
        .endsWith("error: argument --extended: ignored explicit argument 'yes'\n");
    assertThat(CircusctlRunner.run("start", "web", "--match").stderr())
        .endsWith("error: argument --match: expected one argument\n");
    assertThat(CircusctlRunner.run("--timeout", "soon", "list").stderr())
        .endsWith("error: argument --timeout: invalid number of seconds: 'soon'\n");
    assertThat(CircusctlRunner.run("frobnicate", "list").stderr()).contains("invalid choice: 'frobnicate' (choose from 'add',");
  }

  @Test
  void argumentsCircusctlCannotConvertAreRefusedBeforeSendingExitOne() {
    assertThat(CircusctlRunner.run("incr", "web", "two")).isEqualTo(new CircusctlRunner.Result(1, "",
        "invalid literal for int() with base 10: 'two'\n"));
    assertThat(CircusctlRunner.run("set", "web", "send_hup", "maybe").stderr()).isEqualTo("'maybe' is not a boolean\n");
    assertThat(CircusctlRunner.run("set", "web", "stop_signal", "NOPE").stderr())
        .isEqualTo("unknown signal SIGNOPE: 'NOPE'\n");
    assertThat(CircusctlRunner.run("set", "web", "a", "1", "b").stderr()).isEqualTo("List of key/values is invalid\n");
    assertThat(CircusctlRunner.run("list", "a", "b").stderr()).isEqualTo("Invalid number of arguments\n");
  }

  @Test
  void setConvertsValuesAsCircusctlDoesAndEnvAndHooksToObjects() throws Exception {
    try (FakeCircusd circusd = FakeCircusd.replying(request -> ok().put("id", null))) {
      CircusctlRunner.run("--endpoint", circusd.endpoint(), "set", "web", "NumProcesses", "1_0", "respawn", "OFF",
          "warmup_delay", "0.5", "stop_signal", "sigusr1", "env", "A=1, B = two", "hooks",
          "before_start:app.hooks.check", "stdout_stream.max_bytes", "1024", "uid", "42");

      assertThat(properties(circusd, 0).getJsonObject("options").encode()).isEqualTo("{\"numprocesses\":10,"
          + "\"respawn\":false,\"warmup_delay\":0.5,\"stop_signal\":10,\"env\":{\"A\":\"1\",\"B\":\"two\"},"
          + "\"hooks\":{\"before_start\":\"app.hooks.check\"},\"stdout_stream.max_bytes\":1024,\"uid\":\"42\"}");
    }
  }

  @Test
  void theShellReadsCommandsLineByLineFromAPipe() throws Exception {
    try (FakeCircusd circusd = FakeCircusd.replying(request -> switch (request.getString("command")) {
      case "status" -> ok().put("statuses", new JsonObject().put("web", "active")).put("id", null);
      case "list" -> watchers();
      default -> new JsonObject().put("status", "error").put("reason", "program nope not found").put("errno", 3)
          .put("id", null);
    })) {
      CircusctlRunner.Result result = CircusctlRunner.run("list --json\n\nfrobnicate\nincr nope\nlist 'unbalanced\n"
          + "list --endpoint x\nhelp incr\n", Map.of(), List.of("--endpoint", circusd.endpoint()));

      assertThat(result.status()).isZero();
      assertThat(result.stdout()).startsWith("circusctl 0.19.0\nweb: active\n(circusctl) {\"status\": \"ok\"")
          .contains("(circusctl) (circusctl) *** Unknown syntax: frobnicate\n(circusctl) (circusctl) (circusctl) "
              + "(circusctl) usage: circusctl [options] incr <name> [<nb>] [--waiting]")
          .endsWith("(circusctl) \n");
      assertThat(result.stderr()).isEqualTo("error: program nope not found\n"
          + "unbalanced quote: no closing ' in: list 'unbalanced\n"
          + "--endpoint applies to the whole session: give it when starting circusctl\n");
      assertThat(circusd.requests()).hasSize(3);
    }
  }

  @Test
  void configGivesTheEndpointsSoListenAndCommandsNeedNoPort() throws Exception {
    try (FakeCircusd circusd = FakeCircusd.replying(request -> watchers())) {
      Path config = Files.writeString(dir.resolve("circus.ini"), "[circus]\nendpoint = " + circusd.endpoint()
          + "\npubsub_endpoint = " + circusd.pubsubEndpoint() + "\n\n[watcher:web]\ncmd = sleep 60\n");

      assertThat(CircusctlRunner.run("--config", config.toString(), "list").stdout()).isEqualTo("db,web\n");

      CircusctlRunner.Running listen = CircusctlRunner.start(List.of("--config", config.toString(), "listen"));
      await().atMost(Duration.ofSeconds(10)).until(() -> circusd.subscriptions().contains(""));
      circusd.publish("watcher.web.start", "{\"time\": 1.5}");
      await().atMost(Duration.ofSeconds(10)).until(() -> !listen.stdoutSoFar().isEmpty());
      listen.pressCtrlC();
      assertThat(listen.awaitExit()).isEqualTo(1);
      assertThat(listen.stdoutSoFar()).isEqualTo("b'watcher.web.start': b'{\"time\": 1.5}'\n");
    }
  }

  @Test
  void aConfigWithErrorsIsReportedExitOne() throws Exception {
    Path config = Files.writeString(dir.resolve("circus.ini"), "[watcher:web]\nnumprocesses = three\ncmd = x\n");

    CircusctlRunner.Result result = CircusctlRunner.run("--config", config.toString(), "list");

    assertThat(result.status()).isEqualTo(1);
    assertThat(result.stderr()).startsWith("circusctl: cannot read the endpoints from " + config + ":\n  ")
        .contains("numprocesses");
  }

  @Test
  void theEnvironmentEndpointIsUsedWhenNoneIsGiven() throws Exception {
    try (FakeCircusd circusd = FakeCircusd.replying(request -> watchers())) {
      CircusctlRunner.Result result = CircusctlRunner.run("", Map.of("CIRCUSCTL_ENDPOINT", circusd.endpoint()),
          List.of("list"));
      assertThat(result.stdout()).isEqualTo("db,web\n");
    }
  }

  @Test
  void ctrlCEndsAWaitingCallWithStatusOne() throws Exception {
    try (FakeCircusd circusd = FakeCircusd.replying(request -> null)) {
      CircusctlRunner.Running quit = CircusctlRunner.start(List.of("--endpoint", circusd.endpoint(), "--timeout", "60",
          "quit", "--waiting"));
      await().atMost(Duration.ofSeconds(10)).until(() -> circusd.requests().size() == 1);

      quit.pressCtrlC();

      assertThat(quit.awaitExit()).isEqualTo(1);
      assertThat(quit.stdoutSoFar()).isEmpty();
    }
  }

  @Test
  void helpAndVersion() {
    CircusctlRunner.Result overview = CircusctlRunner.run("--help");
    assertThat(overview.status()).isZero();
    assertThat(overview.stdout()).startsWith("usage: circusctl [options] command [args]\n")
        .contains("  decr           Decrement the number of processes in a watcher\n", "  --config FILE");
    assertThat(CircusctlRunner.run("kill", "--help").stdout())
        .startsWith("usage: circusctl [options] kill <name> [<pid>] [--signum SIGNAL]")
        .contains("  --graceful_timeout SECONDS");
    assertThat(CircusctlRunner.run("--help", "rm").stdout()).startsWith("usage: circusctl [options] rm <name>");
    assertThat(CircusctlRunner.run("--version").stdout()).startsWith("circusctl 0.19.0 (circus-jvm ");
  }

  @Test
  void sshIsRefusedWithWhatToDoInstead() {
    CircusctlRunner.Result result = CircusctlRunner.run("--ssh", "me@host:22", "list");
    assertThat(result.status()).isEqualTo(1);
    assertThat(result.stderr()).contains("ssh -N -L 5555:127.0.0.1:5555");
  }
}
