package io.circus.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArbiterOptionsTest {

  @TempDir
  Path dir;

  private ArbiterSpec arbiter(String circusSection) {
    return new ConfigFixture(dir).load("[circus]\n" + circusSection).arbiter();
  }

  private List<ConfigError> errors(String circusSection) {
    return new ConfigFixture(dir).errors("[circus]\n" + circusSection);
  }

  @Test
  void withoutACircusSectionEveryDefaultApplies() {
    assertThat(new ConfigFixture(dir).load("[watcher:w]\ncmd = sleep 1\n").arbiter()).isEqualTo(ArbiterSpec.defaults());
  }

  @Test
  void everyOptionIsRead() {
    ArbiterSpec a = arbiter("""
        endpoint = ipc:///tmp/circus.sock
        endpoint_owner = circus
        pubsub_endpoint = tcp://127.0.0.1:6556
        papa_endpoint = tcp://127.0.0.1:20203
        statsd = yes
        stats_endpoint = tcp://127.0.0.1:6557
        statsd_close_outputs = on
        multicast_endpoint =
        check_delay = 2.5
        stream_backend = gevent
        warmup_delay = 3
        httpd = 1
        httpd_host = 0.0.0.0
        httpd_port = 9090
        httpd_close_outputs = TRUE
        debug = true
        debug_gc = true
        pidfile = /run/circusd.pid
        umask = 022
        loglevel = WARNING
        logoutput = syslog://localhost:514?local0
        loggerconfig = default
        fqdn_prefix = prod
        """);
    assertThat(a).isEqualTo(new ArbiterSpec("ipc:///tmp/circus.sock", "circus", "tcp://127.0.0.1:6556",
        "tcp://127.0.0.1:20203", true, "tcp://127.0.0.1:6557", true, "", 2.5, "gevent", 3, true, "0.0.0.0", 9090,
        true, true, true, "/run/circusd.pid", 18, "warning", "syslog://localhost:514?local0", "default", "prod"));
  }

  @Test
  void umaskIsOctal() {
    assertThat(arbiter("umask = 002\n").umask()).isEqualTo(2);
    assertThat(arbiter("umask = 0o777\n").umask()).isEqualTo(511);
    assertThat(arbiter("umask =\n").umask()).isNull();
  }

  @Test
  void checkDelayIsAFloatAndMayBeNegative() {
    assertThat(arbiter("check_delay = 10.5\n").checkDelay()).isEqualTo(10.5);
    assertThat(arbiter("check_delay = -1\n").checkDelay()).isEqualTo(-1.0);
  }

  @Test
  void warmupDelayMustBeAnInteger() {
    assertThat(errors("warmup_delay = 0.5\n")).singleElement().satisfies(e -> {
      assertThat(e.option()).isEqualTo("warmup_delay");
      assertThat(e.expected()).startsWith("an integer");
    });
  }

  @Test
  void statsEndpointWithoutStatsdTurnsStatsdOnWithAWarning() {
    CircusConfig config = new ConfigFixture(dir).load("[circus]\nstats_endpoint = tcp://127.0.0.1:5557\n");
    assertThat(config.arbiter().statsd()).isTrue();
    assertThat(config.warnings()).anyMatch(w -> w.contains("stats_endpoint without statsd"));
  }

  @Test
  void anExplicitStatsdIsKept() {
    assertThat(arbiter("stats_endpoint = tcp://127.0.0.1:5557\nstatsd = false\n").statsd()).isFalse();
  }

  @Test
  void loglevelMustBeAKnownLevel() {
    assertThat(errors("loglevel = verbose\n")).singleElement().satisfies(e -> {
      assertThat(e.value()).isEqualTo("verbose");
      assertThat(e.expected()).contains("debug, info, warning, error, critical");
    });
  }

  @Test
  void endpointsMustHaveAZeroMqScheme() {
    assertThat(errors("endpoint = 127.0.0.1:5555\n")).singleElement()
        .satisfies(e -> assertThat(e.expected()).contains("tcp://127.0.0.1:5555"));
  }

  @Test
  void unknownOptionsAreErrors() {
    assertThat(errors("endpont = tcp://127.0.0.1:5555\n")).singleElement().satisfies(e -> {
      assertThat(e.section()).isEqualTo("circus");
      assertThat(e.option()).isEqualTo("endpont");
      assertThat(e.expected()).contains("an option of [circus]").contains("endpoint");
    });
  }

  @Test
  void defaultSectionKeysThatAreNoCircusOptionAreNotErrors() {
    CircusConfig config = new ConfigFixture(dir).load("[DEFAULT]\nnumprocesses = 2\nloglevel = debug\n[circus]\ncheck_delay = 1\n");
    assertThat(config.arbiter().loglevel()).isEqualTo("debug");
  }
}
