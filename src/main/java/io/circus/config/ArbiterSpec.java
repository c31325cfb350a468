package io.circus.config;

/**
 * The {@code [circus]} section: daemon-wide options, with Circus's defaults (SPEC.md §9.3).
 * {@code include}/{@code include_dir} are consumed while loading and do not appear here.
 * {@code umask} is null when not set (circusd then leaves its umask alone).
 */
public record ArbiterSpec(
    String endpoint,
    String endpointOwner,
    String pubsubEndpoint,
    String papaEndpoint,
    boolean statsd,
    String statsEndpoint,
    boolean statsdCloseOutputs,
    String multicastEndpoint,
    double checkDelay,
    String streamBackend,
    int warmupDelay,
    boolean httpd,
    String httpdHost,
    int httpdPort,
    boolean httpdCloseOutputs,
    boolean debug,
    boolean debugGc,
    String pidfile,
    Integer umask,
    String loglevel,
    String logoutput,
    String loggerconfig,
    String fqdnPrefix) {

  public static final String DEFAULT_ENDPOINT = "tcp://127.0.0.1:5555";
  public static final String DEFAULT_PUBSUB_ENDPOINT = "tcp://127.0.0.1:5556";
  public static final String DEFAULT_STATS_ENDPOINT = "tcp://127.0.0.1:5557";
  public static final String DEFAULT_MULTICAST_ENDPOINT = "udp://237.219.251.97:12027";
  public static final String DEFAULT_PAPA_ENDPOINT = "tcp://127.0.0.1:20202";

  public static ArbiterSpec defaults() {
    return new ArbiterSpec(DEFAULT_ENDPOINT, null, DEFAULT_PUBSUB_ENDPOINT, DEFAULT_PAPA_ENDPOINT, false,
        DEFAULT_STATS_ENDPOINT, false, DEFAULT_MULTICAST_ENDPOINT, 5.0, "thread", 0, false, "localhost", 8080,
        false, false, false, null, null, "info", "-", null, null);
  }
}
