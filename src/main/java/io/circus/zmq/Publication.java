package io.circus.zmq;

import java.util.List;

/**
 * A PUB endpoint and the bus addresses it publishes.
 *
 * @param option the option that names the endpoint ({@code pubsub_endpoint}), in logs and errors
 * @param endpoint the endpoint as configured ({@code tcp://...} or {@code ipc://...})
 * @param busAddresses the bus addresses whose {@code {"topic", "data"}} messages are published there
 */
public record Publication(String option, String endpoint, List<String> busAddresses) {

  public Publication {
    busAddresses = List.copyOf(busAddresses);
  }
}
