package io.circus.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatcherOptionsTest {

  @TempDir
  Path dir;

  private WatcherSpec watcher(String options) {
    return new ConfigFixture(dir).watcherWith(options);
  }

  private List<ConfigError> errors(String options) {
    return new ConfigFixture(dir).watcherErrors(options);
  }

  private ConfigError error(String options) {
    List<ConfigError> errors = errors(options);
    assertThat(errors).hasSize(1);
    return errors.get(0);
  }

  @Test
  void defaultsAreCircuss() {
    WatcherSpec w = watcher("");
    assertThat(w.toBuilder().source(null).build()).isEqualTo(WatcherSpec.builder("w").cmd("run").build());
    assertThat(w.source()).endsWith("circus.ini:1");
  }

  @Test
  void everyPlainOptionIsRead() {
    WatcherSpec w = watcher("""
        args = --port 80
        shell = true
        shell_args = -e
        executable = /usr/bin/run
        working_dir = /srv
        uid = www-data
        gid = 33
        umask = 027
        copy_env = yes
        copy_path = yes
        numprocesses = 4
        warmup_delay = 0.5
        autostart = false
        respawn = off
        max_retry = -1
        graceful_timeout = 2.5
        stop_signal = quit
        stop_children = 1
        send_hup = true
        priority = -3
        max_age = 3600
        max_age_variance = 60
        close_child_stdin = no
        close_child_stdout = yes
        close_child_stderr = yes
        use_papa = true
        """);
    assertThat(w.toBuilder().source(null).build()).isEqualTo(WatcherSpec.builder("w").cmd("run")
        .args("--port 80").shell(true).shellArgs(new CommandArgs.Text("-e")).executable("/usr/bin/run")
        .workingDir("/srv").uid("www-data").gid("33").umask(027).copyEnv(true).copyPath(true).numprocesses(4)
        .warmupDelay(0.5).autostart(false).respawn(false).maxRetry(-1).gracefulTimeout(2.5).stopSignal(3)
        .stopChildren(true).sendHup(true).priority(-3).maxAge(3600).maxAgeVariance(60).closeChildStdin(false)
        .closeChildStdout(true).closeChildStderr(true).usePapa(true).build());
  }

  @Test
  void booleansAcceptCircussWordsInAnyCase() {
    assertThat(watcher("shell = YES\n").shell()).isTrue();
    assertThat(watcher("shell = On\n").shell()).isTrue();
    assertThat(watcher("respawn = Off\n").respawn()).isFalse();
    assertThat(watcher("respawn = 0\n").respawn()).isFalse();
  }

  @Test
  void aBadBooleanIsAnError() {
    ConfigError e = error("shell = maybe\n");
    assertThat(e).extracting(ConfigError::section, ConfigError::option, ConfigError::value)
        .containsExactly("watcher:w", "shell", "maybe");
    assertThat(e.expected()).startsWith(Values.BOOLEAN).endsWith("(line 3)");
  }

  @Test
  void durationsTakeNoUnitSuffix() {
    assertThat(error("graceful_timeout = 30s\n").expected()).contains("without unit");
  }

  @Test
  void numbersAreReadAsPythonDoes() {
    assertThat(watcher("graceful_timeout = 1_000.5\n").gracefulTimeout()).isEqualTo(1000.5);
    assertThat(watcher("graceful_timeout = 1e1\n").gracefulTimeout()).isEqualTo(10.0);
    assertThat(watcher("numprocesses = 0_2\n").numprocesses()).isEqualTo(2);
    assertThat(errors("numprocesses = 0x2\n")).hasSize(1);
    assertThat(errors("graceful_timeout = nan\n")).hasSize(1);
  }

  @Test
  void stopSignalTakesNamesAndNumbers() {
    assertThat(watcher("stop_signal = INT\n").stopSignal()).isEqualTo(2);
    assertThat(watcher("stop_signal = SIGKILL\n").stopSignal()).isEqualTo(9);
    assertThat(watcher("stop_signal = 10\n").stopSignal()).isEqualTo(10);
  }

  @Test
  void anUnknownSignalIsAnError() {
    assertThat(error("stop_signal = NOPE\n").expected()).contains("unknown signal SIGNOPE");
    assertThat(error("stop_signal = 99\n").expected()).contains("from 1 to 64");
  }

  @Test
  void rlimitsAreCaseInsensitiveAndEmptyMeansUnlimited() {
    WatcherSpec w = watcher("rlimit_NOFILE = 500\nrlimit_core =\nrlimit_nproc = -1\n");
    Map<String, Long> expected = new java.util.LinkedHashMap<>();
    expected.put("nofile", 500L);
    expected.put("core", null);
    expected.put("nproc", null);
    assertThat(w.rlimits()).containsExactlyEntriesOf(expected);
  }

  @Test
  void anUnknownRlimitIsAnError() {
    assertThat(error("rlimit_files = 10\n").expected()).contains("nofile");
    assertThat(error("rlimit_nofile = lots\n").option()).isEqualTo("rlimit_nofile");
  }

  @Test
  void hooksTakeAClassAndAnOptionalIgnoreFailureFlag() {
    WatcherSpec w = watcher("hooks.before_start = my.hooks.check\nhooks.after_reap = my.hooks.log, true\n");
    assertThat(w.hooks()).containsExactly(Map.entry("before_start", new HookSpec("my.hooks.check", false)),
        Map.entry("after_reap", new HookSpec("my.hooks.log", true)));
  }

  @Test
  void hooksTimeoutBoundsEveryHookRunAndDefaultsToThirtySeconds() {
    assertThat(watcher("hooks.before_start = my.hooks.check\n").hooksTimeout()).isEqualTo(30.0);
    assertThat(watcher("hooks_timeout = 2.5\n").hooksTimeout()).isEqualTo(2.5);
    assertThat(error("hooks_timeout = 0\n").expected()).contains("more than 0");
    assertThat(error("hooks_timeout = 5s\n").option()).isEqualTo("hooks_timeout");
  }

  @Test
  void anUnknownHookOrABadFlagIsAnError() {
    assertThat(error("hooks.before_lunch = my.hook\n").expected()).contains("before_start");
    assertThat(error("hooks.before_start = my.hook, perhaps\n").expected()).contains("ignore its failures");
  }

  @Test
  void unknownKeysAreKeptAsFreeFormOptions() {
    WatcherSpec w = watcher("flapping.max_retry = 2\ncheck_flapping = no\n");
    assertThat(w.freeOptions()).containsExactly(Map.entry("flapping.max_retry", "2"), Map.entry("check_flapping", "false"));
  }

  @Test
  void aFreeFormKeyWithoutADotGetsAWarning() {
    CircusConfig config = new ConfigFixture(dir).load("[watcher:w]\ncmd = run\nNumProcesses = 3\n");
    assertThat(config.watchers().get(0).freeOptions()).containsEntry("NumProcesses", "3");
    assertThat(config.watchers().get(0).numprocesses()).isEqualTo(1);
    assertThat(config.warnings()).singleElement().asString().contains("NumProcesses").contains("misspelt");
  }

  @Test
  void aBadCheckFlappingIsAnError() {
    assertThat(error("check_flapping = sometimes\n").option()).isEqualTo("check_flapping");
  }

  @Test
  void aMissingOrEmptyCmdIsAnError() {
    ConfigFixture f = new ConfigFixture(dir);
    assertThat(f.errors("[watcher:w]\nnumprocesses = 1\n")).singleElement().satisfies(e -> {
      assertThat(e.option()).isEqualTo("cmd");
      assertThat(e.value()).isNull();
      assertThat(e.expected()).contains("is required");
    });
    assertThat(f.errors("[watcher:w]\ncmd =\n")).singleElement().extracting(ConfigError::value).isEqualTo("");
  }

  @Test
  void singletonAllowsOneProcessAtMost() {
    assertThat(watcher("singleton = true\n").singleton()).isTrue();
    assertThat(error("singleton = true\nnumprocesses = 2\n").expected()).contains("at most 1 for a singleton");
  }

  @Test
  void copyPathAndVirtualenvNeedCopyEnv() {
    assertThat(error("copy_path = true\n").expected()).contains("copy_path needs copy_env = true");
    assertThat(error("virtualenv = /srv/venv\n").expected()).contains("virtualenv needs copy_env = true");
  }

  @Test
  void shellArgsWithoutShellWarns() {
    CircusConfig config = new ConfigFixture(dir).load("[watcher:w]\ncmd = run\nshell_args = -x\n");
    assertThat(config.warnings()).singleElement().asString().contains("shell_args is ignored");
  }

  @Test
  void unbalancedQuotesInTheCommandAreAnError() {
    assertThat(error("args = 'oops\n").expected()).contains("unbalanced quote");
  }

  @Test
  void stdinSocketMustNameADefinedSocket() {
    ConfigFixture f = new ConfigFixture(dir);
    assertThat(f.load("[watcher:w]\ncmd = run\nstdin_socket = Web\n[socket:web]\nport = 0\n").watchers().get(0).stdinSocket())
        .isEqualTo("web");
    assertThat(f.errors("[watcher:w]\ncmd = run\nstdin_socket = web\n")).singleElement()
        .satisfies(e -> assertThat(e.expected()).contains("[socket:NAME]").contains("none is defined"));
  }

  @Test
  void socketPlaceholdersMustNameDefinedSockets() {
    ConfigFixture f = new ConfigFixture(dir);
    List<ConfigError> errors = f.errors("[watcher:w]\ncmd = run --fd $(circus.sockets.web)\nargs = ((circus.sockets.db))\n"
        + "[socket:other]\nport = 0\n");
    assertThat(errors).extracting(ConfigError::option).containsExactly("cmd", "args");
    assertThat(errors.get(0).expected()).contains("defined: other");
  }

  @Test
  void onDemandNeedsASocketToWaitOn() {
    ConfigFixture f = new ConfigFixture(dir);
    assertThat(f.errors("[watcher:w]\ncmd = run\non_demand = true\n[socket:web]\nport = 0\n")).singleElement()
        .satisfies(e -> assertThat(e.option()).isEqualTo("on_demand"));
    assertThat(f.load("[watcher:w]\ncmd = run\non_demand = true\nuse_sockets = true\n[socket:web]\nport = 0\n")
        .watchers().get(0).onDemand()).isTrue();
    assertThat(f.load("[watcher:w]\ncmd = run\non_demand = true\nstdin_socket = web\n[socket:web]\nport = 0\n")
        .watchers().get(0).onDemand()).isTrue();
  }

  @Test
  void stdinSocketCannotBeAReuseportSocket() {
    assertThat(new ConfigFixture(dir).errors("[watcher:w]\ncmd = run\nstdin_socket = web\n"
        + "[socket:web]\nport = 0\nso_reuseport = true\n")).singleElement()
        .satisfies(e -> assertThat(e.expected()).isEqualTo("a socket without so_reuseport (line 3)"));
  }

  @Test
  void aSocketInTheCommandWithoutUseSocketsIsAWarning() {
    CircusConfig config = new ConfigFixture(dir).load("[watcher:w]\ncmd = run --fd $(circus.sockets.web)\n[socket:web]\nport = 0\n");
    assertThat(config.warnings()).anySatisfy(w -> assertThat(w).contains("[watcher:w]", "web", "use_sockets"));
  }

  @Test
  void processesInheritTheSocketsTheCommandNamesOrAllWithoutNames() {
    Set<String> defined = Set.of("web", "admin", "metrics");
    WatcherSpec naming = WatcherSpec.builder("w").cmd("run --fd $(circus.sockets.web)").args("((circus.sockets.Admin))")
        .useSockets(true).stdinSocket("metrics").build();
    assertThat(naming.inheritedSockets(defined)).containsExactly("admin", "web");
    assertThat(naming.socketsUsed(defined)).containsExactly("admin", "metrics", "web");
    WatcherSpec all = WatcherSpec.builder("w").cmd("run").useSockets(true).build();
    assertThat(all.inheritedSockets(defined)).containsExactly("admin", "metrics", "web");
    assertThat(naming.toBuilder().useSockets(false).build().inheritedSockets(defined)).isEmpty();
  }

  @Test
  void watcherUmaskIsOctal() {
    assertThat(watcher("umask = 022\n").umask()).isEqualTo(18);
  }

  @Test
  void watcherNamesKeepTheirCaseAndAreSorted() {
    CircusConfig config = new ConfigFixture(dir).load("[watcher:b]\ncmd = x\n[watcher:My App]\ncmd = x\n[watcher:a]\ncmd = x\n");
    assertThat(config.watchers()).extracting(WatcherSpec::name).containsExactly("My App", "a", "b");
  }

  @Test
  void watcherNamesDifferingOnlyInCaseClash() {
    assertThat(new ConfigFixture(dir).errors("[watcher:web]\ncmd = x\n[watcher:Web]\ncmd = x\n")).singleElement()
        .satisfies(e -> assertThat(e.section()).isEqualTo("watcher:Web"));
  }

  @Test
  void defaultSectionValuesApplyToWatchers() {
    CircusConfig config = new ConfigFixture(dir).load("[DEFAULT]\nnumprocesses = 3\n[watcher:a]\ncmd = x\n[watcher:b]\ncmd = x\nnumprocesses = 1\n");
    assertThat(config.watchers()).extracting(WatcherSpec::numprocesses).containsExactly(3, 1);
  }
}
