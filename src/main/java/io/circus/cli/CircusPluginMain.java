package io.circus.cli;

import io.circus.client.EventSubscriber;
import io.circus.client.ZmqCircusClient;
import io.circus.daemon.LogSetup;
import io.circus.plugins.PluginOptionException;
import io.circus.plugins.StandalonePlugin;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code circus-plugin [--endpoint E] [--pubsub P] [--config k:v:::k:v] [--name N] CLASS}: runs a
 * plugin class in a process of its own, connected to circusd over ZeroMQ, with Circus's
 * {@code circus-plugin} options. The same class circusd would run in-process from
 * {@code [plugin:NAME] use = CLASS}.
 */
@Command(name = "circus-plugin", sortOptions = false, versionProvider = Version.class,
    description = "Runs a Circus plugin in its own process, connected to circusd over ZeroMQ.")
public final class CircusPluginMain implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "CLASS", description = "The plugin class (or a bundled plugin's Circus name).")
  String plugin;

  @Option(names = "--endpoint", paramLabel = "ENDPOINT", description = "circusd's command endpoint (default: ${DEFAULT-VALUE}).")
  String endpoint = ZmqCircusClient.DEFAULT_ENDPOINT;

  @Option(names = "--pubsub", paramLabel = "ENDPOINT", description = "circusd's events endpoint (default: ${DEFAULT-VALUE}).")
  String pubsub = EventSubscriber.DEFAULT_ENDPOINT;

  @Option(names = "--config", paramLabel = "K:V:::K:V", description = "The plugin's options, as Circus passes them.")
  String config;

  @Option(names = "--name", paramLabel = "NAME", description = "The plugin's name (default: from --config, else the class).")
  String name;

  @Option(names = "--check-delay", paramLabel = "SECONDS", description = "Accepted for Circus's command lines; not used.")
  Double checkDelay;

  @Option(names = {"--log-level", "--loglevel"}, paramLabel = "LEVEL", description = "debug, info, warning, error or critical.")
  String logLevel = "info";

  @Option(names = {"--log-output", "--logoutput"}, paramLabel = "FILE|-", description = "Log to FILE or to standard output (-).")
  String logOutput = "-";

  @Option(names = "--ssh", paramLabel = "SERVER", description = "Not supported: use ssh -L to forward the endpoints.")
  String ssh;

  @Mixin
  HelpAndVersion helpAndVersion;

  public static void main(String[] args) {
    System.exit(new CommandLine(new CircusPluginMain()).execute(args));
  }

  @Override
  public Integer call() {
    if (ssh != null) {
      System.err.println("circus-plugin: --ssh is not supported; forward the endpoints with ssh -L instead");
      return 2;
    }
    try {
      LogSetup.apply(logLevel, logOutput, null);
      Map<String, String> options = StandalonePlugin.parseConfig(config);
      return StandalonePlugin.run(plugin, StandalonePlugin.name(name, options, plugin), options, endpoint, pubsub);
    } catch (PluginOptionException e) {
      System.err.println("circus-plugin: " + plugin + ": option " + e.getMessage());
      return 1;
    } catch (IllegalArgumentException e) {
      System.err.println("circus-plugin: expected " + e.getMessage());
      return 1;
    }
  }
}
