package io.circus.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SocketAndPluginOptionsTest {

  @TempDir
  Path dir;

  private SocketSpec socket(String options) {
    return new ConfigFixture(dir).load("[socket:web]\n" + options).sockets().get(0);
  }

  private List<ConfigError> errors(String text) {
    return new ConfigFixture(dir).errors(text);
  }

  @Test
  void socketDefaultsAreCircuss() {
    SocketSpec s = socket("host = localhost\n");
    assertThat(s.withSource(null)).isEqualTo(new SocketSpec("web", "localhost", 8080, "AF_INET", "SOCK_STREAM",
        null, 2048, null, 8, false, false, null, false, false, null));
  }

  @Test
  void everySocketOptionIsRead() {
    SocketSpec s = socket("""
        host = ::1
        port = 0
        family = af_inet6
        type = sock_seqpacket
        proto = sctp
        backlog = 10
        umask = 022
        replace = true
        so_reuseport = yes
        interface = eth0
        blocking = true
        use_papa = true
        """);
    assertThat(s.withSource(null)).isEqualTo(new SocketSpec("web", "::1", 0, "AF_INET6", "SOCK_SEQPACKET", "sctp", 10,
        null, 18, true, true, "eth0", true, true, null));
  }

  @Test
  void aPathMakesAUnixSocket() {
    SocketSpec s = socket("path = /run/web.sock\numask = 000\n");
    assertThat(s.family()).isEqualTo("AF_UNIX");
    assertThat(s.path()).isEqualTo("/run/web.sock");
    assertThat(s.umask()).isZero();
  }

  @Test
  void aPathWithAnotherFamilyIsAnError() {
    assertThat(errors("[socket:web]\npath = /run/web.sock\nfamily = AF_INET\n")).singleElement()
        .extracting(ConfigError::option).isEqualTo("family");
  }

  @Test
  void aUnixFamilyWithoutPathIsAnError() {
    assertThat(errors("[socket:web]\nfamily = AF_UNIX\n")).singleElement().extracting(ConfigError::option).isEqualTo("path");
  }

  @Test
  void portMustBeInRange() {
    assertThat(errors("[socket:web]\nport = 70000\n")).singleElement()
        .satisfies(e -> assertThat(e.expected()).startsWith("an integer from 0 to 65535"));
  }

  @Test
  void unknownSocketOptionsAndBadTypesAreErrors() {
    List<ConfigError> errors = errors("[socket:web]\nhots = x\ntype = SOCK_FAST\n");
    assertThat(errors).extracting(ConfigError::option).containsExactlyInAnyOrder("hots", "type");
  }

  @Test
  void socketNamesAreLowerCasedAndMustBeUnique() {
    assertThat(new ConfigFixture(dir).load("[socket:WeB]\nport = 1\n").sockets().get(0).name()).isEqualTo("web");
    assertThat(errors("[socket:web]\nport = 1\n[socket:Web]\nport = 2\n")).singleElement()
        .satisfies(e -> assertThat(e.expected()).contains("'web'"));
  }

  @Test
  void soReuseportParsesBothWays() {
    CircusConfig config = new ConfigFixture(dir).load(
        "[socket:reuseport]\nhost = 127.0.0.1\nport = 8888\nso_reuseport = True\n[socket:noreuseport]\nhost = 127.0.0.1\nport = 8888\n");
    assertThat(config.sockets()).extracting(SocketSpec::name, SocketSpec::soReusePort)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("noreuseport", false), org.assertj.core.groups.Tuple.tuple("reuseport", true));
  }

  @Test
  void soReuseportIsForInetStreamSockets() {
    assertThat(errors("[socket:web]\npath = /run/web.sock\nso_reuseport = true\n")).singleElement()
        .satisfies(e -> assertThat(e.option()).isEqualTo("so_reuseport"))
        .satisfies(e -> assertThat(e.expected()).contains("unix socket"));
    assertThat(errors("[socket:web]\ntype = SOCK_DGRAM\nso_reuseport = true\n")).singleElement()
        .satisfies(e -> assertThat(e.expected()).startsWith("false for a SOCK_DGRAM socket"));
  }

  @Test
  void anInterfaceIsANetworkDeviceNameOfAnInetSocket() {
    assertThat(errors("[socket:web]\npath = /run/web.sock\ninterface = eth0\n")).singleElement()
        .extracting(ConfigError::option).isEqualTo("interface");
    assertThat(errors("[socket:web]\ninterface = a-name-longer-than-fifteen\n")).singleElement()
        .satisfies(e -> assertThat(e.expected()).contains("1 to 15 characters"));
  }

  @Test
  void protoIsAProtocolOfEtcProtocols() {
    assertThat(socket("proto = tcp\n").proto()).isEqualTo("tcp");
    assertThat(errors("[socket:web]\nproto = warp\n")).singleElement()
        .satisfies(e -> assertThat(e.option()).isEqualTo("proto"))
        .satisfies(e -> assertThat(e.expected()).contains("/etc/protocols"));
  }

  @Test
  void pluginTakesUseAndKeepsEveryOtherKey() {
    PluginSpec p = new ConfigFixture(dir).load("[plugin:flap]\nuse = circus.plugins.flapping.Flapping\nretry_in = 3\nmax_retry = 2\n")
        .plugins().get(0);
    assertThat(p.name()).isEqualTo("flap");
    assertThat(p.use()).isEqualTo("circus.plugins.flapping.Flapping");
    assertThat(p.options()).containsExactly(Map.entry("retry_in", "3"), Map.entry("max_retry", "2"));
  }

  @Test
  void pluginWithoutUseIsAnError() {
    assertThat(errors("[plugin:flap]\nretry_in = 3\n")).singleElement().satisfies(e -> {
      assertThat(e.option()).isEqualTo("use");
      assertThat(e.expected()).contains("is required");
    });
  }

  @Test
  void aPluginRunsAsASingletonWatcherOfPriorityOneNamedAfterIt() {
    PluginSpec p = new ConfigFixture(dir).load("[plugin:flap]\nuse = circus.plugins.flapping.Flapping\nmax_retry = 2\n")
        .plugins().get(0);
    assertThat(p.watcherName()).isEqualTo("plugin:flap");
    assertThat(p.watcher().singleton()).isTrue();
    assertThat(p.watcher().numprocesses()).isEqualTo(1);
    assertThat(p.watcher().priority()).isEqualTo(1);
    assertThat(p.watcher().maxRetry()).isEqualTo(2);
    assertThat(p.watcher().autostart()).isTrue();
  }

  @Test
  void aPluginSectionSetsItsWatcherOptions() {
    PluginSpec p = new ConfigFixture(dir).load("[plugin:obs]\nuse = a.B\npriority = 30\nsingleton = false\nnumprocesses = 2\n"
        + "active = false\ngraceful_timeout = 2\n").plugins().get(0);
    assertThat(p.watcher().priority()).isEqualTo(30);
    assertThat(p.watcher().numprocesses()).isEqualTo(2);
    assertThat(p.watcher().autostart()).isFalse();
    assertThat(p.watcher().gracefulTimeout()).isEqualTo(2.0);
    assertThat(errors("[plugin:p]\nuse = x.Y\nnumprocesses = 2\n")).singleElement().extracting(ConfigError::option)
        .isEqualTo("numprocesses");
    assertThat(errors("[plugin:p]\nuse = x.Y\nhang_timeout = never\n")).singleElement().extracting(ConfigError::option)
        .isEqualTo("hang_timeout");
  }

  @Test
  void pluginPriorityMustBeAnInteger() {
    assertThat(errors("[plugin:p]\nuse = x.Y\npriority = high\n")).singleElement().extracting(ConfigError::option).isEqualTo("priority");
  }
}
