package io.circus.plugins.bundled;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.datagram.DatagramSocket;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends statsd metrics over UDP ({@code bucket:value|type}, with {@code |@rate} when sampled):
 * counters, gauges and timings, each bucket under {@code prefix}. Fire and forget, as statsd
 * clients are: a lost datagram is logged at debug level only.
 */
final class StatsdClient {

  private static final Logger log = LoggerFactory.getLogger(StatsdClient.class);

  private final DatagramSocket socket;
  private final String host;
  private final int port;
  private final String prefix;
  private final double sampleRate;

  StatsdClient(Vertx vertx, String host, int port, String prefix, double sampleRate) {
    this.socket = vertx.createDatagramSocket();
    this.host = host;
    this.port = port;
    this.prefix = prefix;
    this.sampleRate = sampleRate;
  }

  /**
   * Counts one occurrence. With a sample rate below 1, only that share of the calls is sent, each
   * marked with the rate so statsd scales the count back (Circus sends every call marked with the
   * rate, which inflates the counts).
   */
  void increment(String bucket) {
    if (sampleRate >= 1 || ThreadLocalRandom.current().nextDouble() < sampleRate) {
      send(bucket, "1|c" + (sampleRate >= 1 ? "" : "|@" + number(sampleRate)));
    }
  }

  void gauge(String bucket, double value) {
    send(bucket, number(value) + "|g");
  }

  void timing(String bucket, long millis) {
    send(bucket, millis + "|ms");
  }

  void close() {
    socket.close();
  }

  private void send(String bucket, String value) {
    String name = prefix.isEmpty() ? bucket : prefix + "." + bucket;
    socket.send(Buffer.buffer(name + ":" + value), port, host)
        .onFailure(e -> log.debug("statsd datagram to {}:{} not sent: {}", host, port, e.toString()));
  }

  /** As Python's str(): 3 for a whole number, 12.5 otherwise. */
  static String number(double value) {
    return value == Math.rint(value) && !Double.isInfinite(value) ? Long.toString((long) value) : Double.toString(value);
  }
}
