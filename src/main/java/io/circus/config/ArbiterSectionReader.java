package io.circus.config;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The {@code [circus]} section into an {@link ArbiterSpec}, with Circus's defaults; any other key is an error. */
final class ArbiterSectionReader {

  static final List<String> OPTIONS = List.of("endpoint", "endpoint_owner", "pubsub_endpoint", "papa_endpoint",
      "statsd", "stats_endpoint", "statsd_close_outputs", "multicast_endpoint", "check_delay", "stream_backend",
      "warmup_delay", "httpd", "httpd_host", "httpd_port", "httpd_close_outputs", "debug", "debug_gc", "pidfile",
      "umask", "loglevel", "logoutput", "loggerconfig", "fqdn_prefix", IncludeResolver.INCLUDE, IncludeResolver.INCLUDE_DIR);
  private static final List<String> LOG_LEVELS = List.of("debug", "info", "warning", "error", "critical");
  private static final List<String> STREAM_BACKENDS = List.of("thread", "gevent");
  private static final EndpointForm ZMQ = new EndpointForm(List.of("tcp://", "ipc://"),
      "tcp://127.0.0.1:5555 or ipc:///var/run/circusd.sock");
  private static final EndpointForm MULTICAST = new EndpointForm(List.of("udp://"), "udp://237.219.251.97:12027");
  static final int MAX_PORT = 65535;

  private ArbiterSectionReader() {
  }

  static ArbiterSpec read(SectionOptions o) {
    ArbiterSpec d = ArbiterSpec.defaults();
    Optional<String> statsEndpoint = o.option("stats_endpoint").map(opt -> o.parse(opt, d.statsEndpoint(),
        ZMQ::check));
    boolean statsd = o.value("statsd", statsEndpoint.isPresent(), Values::bool);
    if (statsEndpoint.isPresent() && !o.has("statsd")) {
      o.diagnostics().warn("[circus] stats_endpoint without statsd turns statsd on (as in Circus); write statsd = true");
    }
    String multicast = o.value("multicast_endpoint", d.multicastEndpoint(),
        v -> v.isEmpty() ? v : MULTICAST.check(v));
    ArbiterSpec spec = new ArbiterSpec(
        o.value("endpoint", d.endpoint(), ZMQ::check),
        o.text("endpoint_owner", d.endpointOwner()),
        o.value("pubsub_endpoint", d.pubsubEndpoint(), ZMQ::check),
        o.value("papa_endpoint", d.papaEndpoint(), ZMQ::check),
        statsd,
        statsEndpoint.orElse(d.statsEndpoint()),
        o.value("statsd_close_outputs", d.statsdCloseOutputs(), Values::bool),
        multicast,
        o.value("check_delay", d.checkDelay(), v -> Values.number(v, Double.NEGATIVE_INFINITY)),
        o.value("stream_backend", d.streamBackend(), v -> Values.oneOf(v, STREAM_BACKENDS)),
        o.value("warmup_delay", d.warmupDelay(), v -> Values.integer(v, 0, Integer.MAX_VALUE)),
        o.value("httpd", d.httpd(), Values::bool),
        o.text("httpd_host", d.httpdHost()),
        o.value("httpd_port", d.httpdPort(), v -> Values.integer(v, 0, MAX_PORT)),
        o.value("httpd_close_outputs", d.httpdCloseOutputs(), Values::bool),
        o.value("debug", d.debug(), Values::bool),
        o.value("debug_gc", d.debugGc(), Values::bool),
        o.text("pidfile", d.pidfile()),
        // As in Circus, an empty umask means "not set".
        o.value("umask", d.umask(), v -> v.isBlank() ? null : Values.octal(v)),
        o.value("loglevel", d.loglevel(), v -> Values.oneOf(v, LOG_LEVELS)),
        o.text("logoutput", d.logoutput()),
        o.text("loggerconfig", d.loggerconfig()),
        o.text("fqdn_prefix", d.fqdnPrefix()));
    for (IniOption unknown : o.unreadOwn()) {
      if (!OPTIONS.contains(unknown.key())) o.invalid(unknown, "an option of [circus]: " + String.join(", ", OPTIONS));
    }
    return spec;
  }

  private record EndpointForm(List<String> schemes, String example) {
    String check(String value) {
      String v = value.strip();
      String lower = v.toLowerCase(Locale.ROOT);
      if (schemes.stream().noneMatch(s -> lower.startsWith(s) && v.length() > s.length())) {
        throw new IllegalArgumentException("an endpoint such as " + example);
      }
      return v;
    }
  }
}
