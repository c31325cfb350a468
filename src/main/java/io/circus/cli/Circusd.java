package io.circus.cli;

import io.circus.config.CircusConfig;
import io.circus.config.ConfigError;
import io.circus.config.ConfigException;
import io.circus.config.ConfigLoader;
import io.circus.daemon.ConfiguredClasses;
import io.circus.daemon.DaemonLauncher;
import io.circus.daemon.LogSetup;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code circusd [--daemon] [--pidfile F] [--log-level L] [--log-output FILE|-] [--version] CONFIG}:
 * checks the configuration before anything starts (every error listed, exit 1), sets up logging,
 * then runs the daemon on Vert.x's application launcher, whose cluster and options flags pass
 * through unchanged.
 */
@Command(name = "circusd", sortOptions = false, versionProvider = Version.class,
    description = "Runs the Circus process supervisor on a circus.ini configuration.")
public final class Circusd implements Callable<Integer> {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "CONFIG", description = "The configuration file (circus.ini).")
  Path config;

  @Option(names = "--daemon", description = "Detach from the terminal; return once the daemon is up.")
  boolean daemon;

  @Option(names = "--pidfile", paramLabel = "FILE", description = "Write circusd's pid to FILE (overrides [circus] pidfile).")
  String pidfile;

  @Option(names = {"--log-level", "--loglevel"}, paramLabel = "LEVEL",
      description = "debug, info, warning, error or critical (overrides [circus] loglevel).")
  String logLevel;

  @Option(names = {"--log-output", "--logoutput"}, paramLabel = "FILE|-",
      description = "Log to FILE, to standard output (-) or to syslog://host:port?facility (overrides [circus] logoutput).")
  String logOutput;

  @Option(names = {"--logger-config", "--loggerconfig"}, paramLabel = "FILE",
      description = "A logback XML file that configures logging instead (overrides [circus] loggerconfig).")
  String loggerConfig;

  @Option(names = {"-cluster", "--cluster"}, description = "Vert.x: join the clustered event bus.")
  boolean cluster;

  @Option(names = {"-cluster-host", "--cluster-host"}, paramLabel = "HOST", description = "Vert.x: cluster host.")
  String clusterHost;

  @Option(names = {"-cluster-port", "--cluster-port"}, paramLabel = "PORT", description = "Vert.x: cluster port.")
  Integer clusterPort;

  @Option(names = {"-cluster-public-host", "--cluster-public-host"}, paramLabel = "HOST", description = "Vert.x: public cluster host.")
  String clusterPublicHost;

  @Option(names = {"-cluster-public-port", "--cluster-public-port"}, paramLabel = "PORT", description = "Vert.x: public cluster port.")
  Integer clusterPublicPort;

  @Option(names = {"-options", "--options", "--vertx-options"}, paramLabel = "JSON|FILE", description = "Vert.x: VertxOptions.")
  String vertxOptions;

  @Mixin
  HelpAndVersion helpAndVersion;

  public static void main(String[] args) {
    int status = new CommandLine(new Circusd()).execute(args);
    if (status != 0) {
      System.exit(status);
    }
    // Success: the daemon runs on Vert.x's threads; it exits through DaemonSignals.
  }

  @Override
  public Integer call() {
    CircusConfig loaded;
    try {
      loaded = ConfiguredClasses.checked(ConfigLoader.load(config, System.getenv()));
    } catch (ConfigException e) {
      return refuse(e);
    }
    try {
      LogSetup.apply(first(logLevel, loaded.arbiter().loglevel()), first(logOutput, loaded.arbiter().logoutput()),
          first(loggerConfig, loaded.arbiter().loggerconfig()));
    } catch (IllegalArgumentException e) {
      System.err.println("circusd: refusing to start: " + e.getMessage());
      return 1;
    }
    String effectivePidfile = first(pidfile, loaded.arbiter().pidfile());
    try {
      return DaemonLauncher.run(loaded, effectivePidfile, daemon, vertxLauncherArgs(), Circusd.class,
          spec.commandLine().getParseResult().originalArgs());
    } catch (ConfigException e) {
      return refuse(e); // a socket that cannot be bound
    }
  }

  private static int refuse(ConfigException e) {
    System.err.println("circusd: refusing to start, the configuration has errors:");
    for (ConfigError error : e.errors()) {
      System.err.println("  " + error);
    }
    return 1;
  }

  /** The flags Vert.x's launcher understands, rebuilt from ours. */
  private List<String> vertxLauncherArgs() {
    List<String> args = new ArrayList<>();
    if (cluster) args.add("-cluster");
    addOption(args, "-cluster-host", clusterHost);
    addOption(args, "-cluster-port", clusterPort);
    addOption(args, "-cluster-public-host", clusterPublicHost);
    addOption(args, "-cluster-public-port", clusterPublicPort);
    addOption(args, "-options", vertxOptions);
    return args;
  }

  private static void addOption(List<String> args, String name, Object value) {
    if (value != null) {
      args.add(name);
      args.add(value.toString());
    }
  }

  private static String first(String preferred, String fallback) {
    return preferred != null ? preferred : fallback;
  }
}
