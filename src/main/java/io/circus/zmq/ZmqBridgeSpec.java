package io.circus.zmq;

import io.circus.arbiter.BusEventPublisher;
import io.circus.config.ArbiterSpec;
import io.circus.stats.StatsVerticle;
import io.circus.stream.OutputStreams;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link ZmqBridgeVerticle} binds.
 *
 * @param controllerEndpoint Circus's {@code endpoint}: the ROUTER that takes commands
 * @param endpointOwner Circus's {@code endpoint_owner}: the user given the ipc socket files, or null
 * @param publications the PUB endpoints and the bus addresses they publish
 * @param workingDirectory what relative ipc paths are relative to (circusd's working directory)
 */
public record ZmqBridgeSpec(String controllerEndpoint, String endpointOwner, List<Publication> publications,
    Path workingDirectory) {

  /** The option that names the controller endpoint. */
  public static final String CONTROLLER_OPTION = "endpoint";
  /** The option that names the events endpoint. */
  public static final String PUBSUB_OPTION = "pubsub_endpoint";
  /** The option that names the stats endpoint. */
  public static final String STATS_OPTION = "stats_endpoint";
  /**
   * The output lines of the watchers' streams, {@code {"topic": "stream.<watcher>.<pid>.stdout", "data":
   * {...}}} (or {@code .stderr}), published on the events endpoint beside the events.
   */
  public static final String OUTPUT_ADDRESS = OutputStreams.ADDRESS;

  public ZmqBridgeSpec {
    Objects.requireNonNull(controllerEndpoint, "controllerEndpoint");
    publications = List.copyOf(publications);
    Objects.requireNonNull(workingDirectory, "workingDirectory");
  }

  /**
   * Circus's endpoints: commands on {@code endpoint}, events and output on {@code pubsub_endpoint},
   * and, when stats are on ({@code statsd}), the stats stream on {@code stats_endpoint}.
   */
  public static ZmqBridgeSpec of(ArbiterSpec arbiter, Path workingDirectory) {
    List<Publication> publications = new ArrayList<>();
    publications.add(new Publication(PUBSUB_OPTION, arbiter.pubsubEndpoint(), List.of(BusEventPublisher.ADDRESS, OUTPUT_ADDRESS)));
    if (arbiter.statsd()) {
      publications.add(new Publication(STATS_OPTION, arbiter.statsEndpoint(), List.of(StatsVerticle.ADDRESS)));
    }
    return new ZmqBridgeSpec(arbiter.endpoint(), arbiter.endpointOwner(), publications, workingDirectory);
  }
}
