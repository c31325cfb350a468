package io.circus.zmq;

import static org.assertj.core.api.Assertions.assertThat;

import io.circus.testing.JeromqClients;
import io.circus.testing.PyZmq;
import io.circus.testing.StreamingDaemon;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.zeromq.ZMQ;

/**
 * The stats stream on {@code stats_endpoint} as Circus's circus-top reads it: a SUB subscribed to
 * {@code stat.} gets two-frame messages, the topic then the record as Python's json.dumps writes it.
 */
@ExtendWith(VertxExtension.class)
class StatsEndpointTest {

  @TempDir
  Path directory;

  private StreamingDaemon streaming(Vertx vertx, String statsEndpoint) {
    return StreamingDaemon.start(vertx, statsEndpoint, directory);
  }

  @Test
  void aPlainSubGetsTopicAndPythonJsonFrames(Vertx vertx) {
    StreamingDaemon stream = streaming(vertx, "tcp://127.0.0.1:0");
    try (JeromqClients clients = new JeromqClients()) {
      ZMQ.Socket sub = clients.sub(stream.endpoint(), "stat.alpha");

      List<byte[]> record = receive(sub, "stat.alpha." + stream.pid());
      List<byte[]> aggregate = receive(sub, "stat.alpha");

      assertThat(record).hasSize(2);
      assertThat(new String(record.get(1), StandardCharsets.US_ASCII)).matches("\\{\"mem_info1\": \"[0-9.]+[BKMG]\", "
          + "\"mem_info2\": \"[0-9.]+[BKMG]\", \"cpu\": [0-9]+\\.[0-9]+, \"mem\": [0-9.e-]+, \"ctime\": \"[0-9]+:[0-9]{2}\\.[0-9]+\", "
          + "\"pid\": " + stream.pid() + ", \"username\": \"[^\"]+\", \"nice\": -?[0-9]+, \"create_time\": [0-9.]+, "
          + "\"age\": [0-9.e-]+, \"cmdline\": \"sleep\", \"children\": \\[\\], \"subtopic\": " + stream.pid()
          + ", \"name\": null\\}");
      assertThat(aggregate).hasSize(2);
      assertThat(new String(aggregate.get(1), StandardCharsets.US_ASCII))
          .matches("\\{\"pid\": \\[" + stream.pid() + "\\], \"cpu\": [0-9.]+, \"mem\": [0-9.e-]+, \"age\": [0-9.e-]+\\}");
    }
  }

  @Test
  void aLibzmqSubscriberReadsTheStreamOverTcp(Vertx vertx) {
    PyZmq.assumeAvailable();
    readByPyzmq(streaming(vertx, "tcp://127.0.0.1:0"));
  }

  @Test
  void aLibzmqSubscriberReadsTheStreamOverIpc(Vertx vertx) {
    PyZmq.assumeAvailable();
    StreamingDaemon stream = streaming(vertx, "ipc://stats.sock");

    assertThat(stream.endpoint()).isEqualTo("ipc://" + directory.resolve("stats.sock"));
    readByPyzmq(stream);
  }

  private static void readByPyzmq(StreamingDaemon stream) {
    try (PyZmq subscriber = PyZmq.run("subscribe", stream.endpoint(), "stat.")) {
      String line = subscriber.awaitLine("a record of " + stream.pid(), l -> l.startsWith("stat.alpha." + stream.pid() + "\t"));

      JsonObject record = new JsonObject(line.substring(line.indexOf('\t') + 1));
      assertThat(record.getInteger("pid")).isEqualTo(stream.pid());
      assertThat(record.getString("cmdline")).isEqualTo("sleep");
      subscriber.awaitLine("the watcher's aggregate", l -> l.startsWith("stat.alpha\t"));
    }
  }

  /** The frames of the next message on {@code topic}, skipping others (a round may be under way). */
  private static List<byte[]> receive(ZMQ.Socket sub, String topic) {
    while (true) {
      byte[] first = sub.recv();
      assertThat(first).as("a message within the receive timeout").isNotNull();
      List<byte[]> frames = new ArrayList<>(List.of(first));
      while (sub.hasReceiveMore()) {
        frames.add(sub.recv());
      }
      if (new String(first, StandardCharsets.UTF_8).equals(topic)) {
        return frames;
      }
    }
  }
}
