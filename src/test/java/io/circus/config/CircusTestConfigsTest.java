package io.circus.config;

import static io.circus.config.ConfigFixture.watcher;
import static org.assertj.core.api.Assertions.assertThat;

import io.circus.process.Signals;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The situations Circus's own test configurations cover, written anew as inputs here.
 * Other cases of that list live with their topic: env sections in {@link EnvironmentTest}, empty
 * sections and includes in {@link ValidationErrorsTest} and {@link IncludeResolverTest}.
 */
class CircusTestConfigsTest {

  @TempDir
  Path dir;

  private ConfigFixture files() {
    return new ConfigFixture(dir);
  }

  @Test
  void daemonPidfileLoglevelAndLogoutputAreRead() {
    ArbiterSpec a = files().load("[circus]\npidfile = circusd.pid\nloglevel = debug\nlogoutput = circusd.log\n").arbiter();
    assertThat(a.pidfile()).isEqualTo("circusd.pid");
    assertThat(a.loglevel()).isEqualTo("debug");
    assertThat(a.logoutput()).isEqualTo("circusd.log");
  }

  @Test
  void includeAndIncludeDirTogetherBringFourWatchers() {
    ConfigFixture f = files();
    f.write("extra-one.ini", "[watcher:one]\ncmd = sleep 60\nnumprocesses = 2\n");
    f.write("extra-two.ini", "[watcher:two]\ncmd = sleep 60\n");
    f.write("more/three.ini", "[circus]\ncheck_delay = 2\n[watcher:three]\ncmd = sleep 60\n");
    f.write("more/four.ini", "[watcher:four]\ncmd = sleep 60\n[env:somebody]\nX = 1\n");
    CircusConfig c = f.load("[circus]\ninclude = extra-*.ini\ninclude_dir = more\n");
    assertThat(c.watchers()).extracting(WatcherSpec::name).containsExactly("four", "one", "three", "two");
    assertThat(c.arbiter().checkDelay()).isEqualTo(2.0);
  }

  @Test
  void multiLevelIncludesLetTheMainFileWinAndFillInMissingOptions() {
    ConfigFixture f = files();
    f.write("levels/a/x.ini", "[watcher:x]\ncmd = sleep 60\n[env:main]\nINI = from-include\n");
    f.write("levels/b/y.ini", "[circus]\ncheck_delay = 555\n[watcher:y]\ncmd = sleep 60\n");
    CircusConfig c = f.load("[circus]\ninclude = levels/*/*.ini\n[watcher:main]\ncmd = sleep 60\n[env:main]\nINI = from-main\n");
    assertThat(c.watchers()).hasSize(3);
    assertThat(watcher(c, "main").env()).containsEntry("INI", "from-main");
    assertThat(c.arbiter().checkDelay()).isEqualTo(555.0);
  }

  @Test
  void circusEnvInAStreamFilenameComesFromAWildcardEnvSection() {
    CircusConfig c = files().load("[watcher:echo]\ncmd = echo\nargs = hi\nstdout_stream.class = FileStream\n"
        + "stdout_stream.filename = $(circus.env.LOGDIR)/echo.log\nstdout_stream.max_bytes = 10485760\n[env:*]\nLOGDIR = /tmp\n");
    assertThat(c.watchers().get(0).stdoutStream().options()).containsEntry("filename", "/tmp/echo.log");
  }

  @Test
  void hookWithIgnoreFlagFalse() {
    WatcherSpec w = files().load("[watcher:foo]\ncmd = x\nhooks.before_start = tests.hooks.check, false\n").watchers().get(0);
    assertThat(w.hooks()).containsEntry("before_start", new HookSpec("tests.hooks.check", false));
  }

  @Test
  void hookWithAPathBuiltInTheWatcherEnvironment() {
    CircusConfig c = files().load("[watcher:foo]\ncmd = x\ncopy_env = True\nhooks.before_start = hooks.my_hook.hook\n"
        + "[env:foo]\nPYTHONPATH = $PYTHONPATH:$PWD/hooks\n", Map.of("PYTHONPATH", "/lib", "PWD", "/srv"));
    assertThat(watcher(c, "foo").env()).containsEntry("PYTHONPATH", "/lib:/srv/hooks");
  }

  @Test
  void fractionalGracefulTimeout() {
    assertThat(files().load("[watcher:my_app]\ncmd = boo\ngraceful_timeout = 25.5\n").watchers().get(0).gracefulTimeout())
        .isEqualTo(25.5);
  }

  @Test
  void wholeGracefulTimeout() {
    assertThat(files().load("[watcher:web]\ncmd = foo\ngraceful_timeout=88\n").watchers().get(0).gracefulTimeout()).isEqualTo(88.0);
  }

  @Test
  void uidAndGidNamesAreKeptAsText() {
    WatcherSpec w = files().load("[watcher:my_app]\ncmd = boo\nuid = me\ngid = staff\n").watchers().get(0);
    assertThat(w.uid()).isEqualTo("me");
    assertThat(w.gid()).isEqualTo("staff");
  }

  @Test
  void socketPlaceholderInArgsWithASocketHavingOnlyAHost() {
    CircusConfig c = files().load("[watcher:web]\ncmd = foo\nargs = --fd $(circus.sockets.web)\n[socket:web]\nhost = localhost\n");
    assertThat(c.sockets()).singleElement().extracting(SocketSpec::port).isEqualTo(8080);
    assertThat(Placeholders.replace(((CommandArgs.Text) c.watchers().get(0).args()).text(), Map.of("sockets.web", 3)))
        .isEqualTo("--fd 3");
  }

  @Test
  void socketPlaceholderWithoutTheSocketIsAnError() {
    assertThat(files().errors("[watcher:web]\ncmd = foo\nargs = --fd $(circus.sockets.web)\ngraceful_timeout = 88\n"))
        .singleElement().extracting(ConfigError::option).isEqualTo("args");
  }

  @Test
  void circusEnvInDaemonOptionsComesFromTheDaemonEnvironment() {
    ArbiterSpec a = files().load("[circus]\nstats_endpoint = $(circus.env.circus_stats_endpoint)\nstatsd = $(circus.env.circus_statsd)\n",
        Map.of("circus_stats_endpoint", "tcp://0.0.0.0:9876", "circus_statsd", "True")).arbiter();
    assertThat(a.statsEndpoint()).isEqualTo("tcp://0.0.0.0:9876");
    assertThat(a.statsd()).isTrue();
  }

  @Test
  void hashInsideArgsIsKeptAndManyProcessesAreAllowed() {
    WatcherSpec w = files().load("[watcher:test]\ncmd = /bin/bash\nargs = -q  # makes bash fail\nwarmup_delay = 0\nnumprocesses = 100\n")
        .watchers().get(0);
    assertThat(w.args()).isEqualTo(new CommandArgs.Text("-q  # makes bash fail"));
    assertThat(w.numprocesses()).isEqualTo(100);
  }

  @Test
  void socketNamesWithDashesInPlaceholders() {
    CircusConfig c = files().load("[watcher:test]\ncmd = ../bin/chaussette --fd $(circus.sockets.some-socket)\n"
        + "use_sockets = True\n[socket:some-socket]\nport = 9090\n");
    assertThat(Placeholders.replace(c.watchers().get(0).cmd(), Map.of("sockets.some-socket", 3)))
        .isEqualTo("../bin/chaussette --fd 3");
  }

  @Test
  void circusEnvFromTheDaemonWithoutEnvSection() {
    assertThat(files().load("[watcher:watcher1]\ncmd = $(circus.env.GRAVITY)\n", Map.of("GRAVITY", "down")).watchers().get(0).cmd())
        .isEqualTo("down");
  }

  @Test
  void stopSignalByNameAndStopChildren() {
    WatcherSpec w = files().load("[watcher:my_app]\ncmd = boo\nstop_signal = INT\nstop_children = true\n").watchers().get(0);
    assertThat(w.stopSignal()).isEqualTo(Signals.SIGINT);
    assertThat(w.stopChildren()).isTrue();
  }

  @Test
  void fractionalCheckDelay() {
    assertThat(files().load("[circus]\ncheck_delay = 10.5\n").arbiter().checkDelay()).isEqualTo(10.5);
  }

  @Test
  void shellAndShellArgsCombinations() {
    CircusConfig c = files().load("""
        [watcher:web1]
        cmd = foo
        args = --fd
        shell = true
        [watcher:web2]
        cmd = foo
        args = --fd
        shell = true
        shell_args = bar baz qux
        [watcher:web3]
        cmd = foo
        args = --fd
        shell = false
        shell_args = bar baz qux
        """);
    assertThat(watcher(c, "web1").shellArgs()).isNull();
    assertThat(watcher(c, "web2").shellArgs()).isEqualTo(new CommandArgs.Text("bar baz qux"));
    assertThat(watcher(c, "web3").shell()).isFalse();
    assertThat(c.warnings()).singleElement().asString().contains("[watcher:web3] shell_args is ignored");
  }

  @Test
  void prioritiesOfWatchersAndPluginsWithCheckDelayDisabled() {
    CircusConfig c = files().load("""
        [circus]
        check_delay = -1
        [watcher:test1]
        cmd = sleep 10
        numprocesses = 2
        priority = 10
        [watcher:test2]
        cmd = sleep 20
        numprocesses = 2
        priority = 20
        [plugin:myplugin]
        use = circus.plugins.resource_watcher.ResourceWatcher
        watcher = test1
        priority = 30
        """);
    assertThat(c.arbiter().checkDelay()).isEqualTo(-1.0);
    assertThat(c.watchers()).extracting(WatcherSpec::priority).containsExactly(10, 20);
    assertThat(c.plugins().get(0).options()).containsEntry("priority", "30").containsEntry("watcher", "test1");
  }

  @Test
  void aMinimalSleeper() {
    assertThat(files().load("[watcher:sleeper]\ncmd = sleep 120\nwarmup_delay = 0\nnumprocesses = 1\n").watchers())
        .extracting(WatcherSpec::cmd).containsExactly("sleep 120");
  }

  @Test
  void virtualenvKeys() {
    WatcherSpec w = files().load("[watcher:test]\ncmd = run\ncopy_env = true\nvirtualenv = /tmp/.virtualenvs/test\n"
        + "virtualenv_py_ver=3.3\n").watchers().get(0);
    assertThat(List.of(w.virtualenv(), w.virtualenvPyVer())).containsExactly("/tmp/.virtualenvs/test", "3.3");
  }
}
