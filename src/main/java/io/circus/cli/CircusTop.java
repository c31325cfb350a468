package io.circus.cli;

import io.circus.cli.top.TopSession;
import io.circus.client.CircusClientException;
import io.circus.client.EventSubscriber;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code circus-top [--endpoint E] [--process-timeout S]}: a top-like view of circusd's stats
 * stream (its {@code stats_endpoint}), with Circus's circus-top options.
 */
@Command(name = "circus-top", sortOptions = false, versionProvider = Version.class,
    description = "Shows circusd's processes by watcher, busiest first, refreshed every second; q quits.")
public final class CircusTop implements Callable<Integer> {

  /** Circus's default stats endpoint. */
  static final String DEFAULT_ENDPOINT = "tcp://127.0.0.1:5557";

  @Option(names = "--endpoint", paramLabel = "ENDPOINT", description = "circusd's stats endpoint (default: ${DEFAULT-VALUE}).")
  String endpoint = DEFAULT_ENDPOINT;

  @Option(names = "--process-timeout", paramLabel = "SECONDS",
      description = "A process not heard of for this long is removed (default: ${DEFAULT-VALUE}).")
  int processTimeout = 3;

  @Option(names = "--ssh", paramLabel = "SERVER", description = "Not supported: use ssh -L to forward the endpoint.")
  String ssh;

  @Mixin
  HelpAndVersion helpAndVersion;

  public static void main(String[] args) {
    System.exit(new CommandLine(new CircusTop()).execute(args));
  }

  @Override
  public Integer call() throws IOException {
    if (ssh != null) {
      System.err.println("circus-top: --ssh is not supported; forward the endpoint instead, e.g. "
          + "ssh -N -L 5557:127.0.0.1:5557 user@host, then --endpoint tcp://127.0.0.1:5557");
      return 2;
    }
    if (processTimeout <= 0) {
      System.err.println("circus-top: --process-timeout: expected a positive number of seconds, got " + processTimeout);
      return 2;
    }
    try (EventSubscriber stream = EventSubscriber.connect(endpoint, List.of("stat."));
        Terminal terminal = TerminalBuilder.builder().system(true).build()) {
      new TopSession(terminal, stream, Duration.ofSeconds(processTimeout)).run();
      return 0;
    } catch (CircusClientException e) {
      System.err.println("circus-top: " + e.getMessage());
      return 1;
    }
  }
}
