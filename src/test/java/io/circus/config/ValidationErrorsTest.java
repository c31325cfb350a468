package io.circus.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidationErrorsTest {

  @TempDir
  Path dir;

  @Test
  void everyErrorOfEveryFileIsReportedTogether() {
    ConfigFixture f = new ConfigFixture(dir);
    Path included = f.write("more.ini", "[socket:s]\nport = http\n[plugin:p]\nwatcher = a\n");
    Path main = f.write("circus.ini", """
        [circus]
        include = more.ini
        loglevel = loud
        warmup_delay = 1.5
        [watcher:a]
        cmd = run
        graceful_timeout = 30s
        stop_signal = NOPE
        singleton = true
        numprocesses = 3
        [watcher:b]
        copy_path = true
        virtualenv = /venv
        stdin_socket = missing
        [Watcher:c]
        cmd = x
        """);
    List<ConfigError> errors = ConfigFixture.errorsOf(main);
    String m = main.toString();
    String i = included.toString();
    assertThat(errors).extracting(ConfigError::file, ConfigError::section, ConfigError::option, ConfigError::value)
        .containsExactlyInAnyOrder(
            tuple(m, "circus", "loglevel", "loud"),
            tuple(m, "circus", "warmup_delay", "1.5"),
            tuple(m, "watcher:a", "graceful_timeout", "30s"),
            tuple(m, "watcher:a", "stop_signal", "NOPE"),
            tuple(m, "watcher:a", "numprocesses", "3"),
            tuple(m, "watcher:b", "cmd", null),
            tuple(m, "watcher:b", "copy_path", "true"),
            tuple(m, "watcher:b", "virtualenv", "/venv"),
            tuple(m, "watcher:b", "stdin_socket", "missing"),
            tuple(m, "Watcher:c", null, null),
            tuple(i, "socket:s", "port", "http"),
            tuple(i, "plugin:p", "use", null));
    assertThat(errors).allSatisfy(e -> assertThat(e.expected()).isNotBlank().contains("line "));
  }

  @Test
  void theExceptionMessageListsEveryError() {
    ConfigException e = new ConfigException(List.of(new ConfigError("f.ini", "circus", "loglevel", "loud", "one of debug (line 3)"),
        new ConfigError("f.ini", "watcher:a", "cmd", null, "required")));
    assertThat(e.getMessage()).contains("f.ini [circus] loglevel = \"loud\": one of debug (line 3)")
        .contains("f.ini [watcher:a] cmd: required");
  }

  @Test
  void unknownSectionTypesAreErrors() {
    List<ConfigError> errors = new ConfigFixture(dir).errors("[Watcher:x]\ncmd = a\n[watchers:y]\ncmd = b\n[circus:z]\na = 1\n[misc]\na = 1\n");
    assertThat(errors).extracting(ConfigError::section).containsExactly("Watcher:x", "watchers:y", "circus:z", "misc");
    assertThat(errors.get(0).expected()).contains("[watcher:NAME]").contains("case-sensitive");
  }

  @Test
  void sectionsNeedANameAfterTheColon() {
    assertThat(new ConfigFixture(dir).errors("[watcher:]\ncmd = a\n[env:]\nA = 1\n")).hasSize(2);
  }

  @Test
  void emptySectionsAreSkippedWithAWarning() {
    CircusConfig c = new ConfigFixture(dir).load("\n[plugin:test_plugin]\n\n[socket:test_socket]\n[watcher:nothing]\n");
    assertThat(c.sockets()).isEmpty();
    assertThat(c.plugins()).isEmpty();
    assertThat(c.watchers()).isEmpty();
    assertThat(c.warnings()).hasSize(3).allMatch(w -> w.contains("has no options: skipped"));
  }

  @Test
  void inactiveOptionsAreReportedOnceEach() {
    CircusConfig c = new ConfigFixture(dir).load("""
        [circus]
        debug = true
        httpd_port = 9000
        check_delay = 3
        endpoint = ipc://circus.sock
        pubsub_endpoint = ipc://circus-pub.sock
        endpoint_owner = nobody
        [watcher:w]
        cmd = x
        hooks.before_start = a.b
        hooks.after_start = a.c
        use_sockets = true
        numprocesses = 2
        [socket:s]
        port = 0
        use_papa = true
        [plugin:p]
        use = a.B
        """);
    assertThat(c.inactiveOptions()).containsExactly("[circus] debug", "[circus] httpd_port",
        "[socket:s] use_papa");
  }
}
