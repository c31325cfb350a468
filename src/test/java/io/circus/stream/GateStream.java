package io.circus.stream;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

/**
 * A stream class of the user's, for tests: keeps what it is given under its {@code id} option,
 * and while the gate of that id is shut, its write blocks (a stalled disk, a full FIFO).
 */
public class GateStream implements CircusStream {

  static final Map<String, ByteArrayOutputStream> RECEIVED = new ConcurrentHashMap<>();
  static final Map<String, CountDownLatch> GATES = new ConcurrentHashMap<>();
  /** The ids whose stream has waited at its shut gate. */
  static final Set<String> WAITED = ConcurrentHashMap.newKeySet();

  private final String id;

  public GateStream(Map<String, String> options) {
    this.id = options.get("id");
  }

  static void shut(String id) {
    GATES.put(id, new CountDownLatch(1));
  }

  static void open(String id) {
    CountDownLatch gate = GATES.remove(id);
    if (gate != null) gate.countDown();
  }

  static String received(String id) {
    ByteArrayOutputStream out = RECEIVED.get(id);
    if (out == null) return "";
    synchronized (out) {
      return out.toString(StandardCharsets.UTF_8);
    }
  }

  @Override
  public void write(OutputBlock block) {
    CountDownLatch gate = GATES.get(id);
    if (gate != null) {
      WAITED.add(id);
      try {
        gate.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    ByteArrayOutputStream out = RECEIVED.computeIfAbsent(id, k -> new ByteArrayOutputStream());
    synchronized (out) {
      out.writeBytes(block.data());
    }
  }
}
