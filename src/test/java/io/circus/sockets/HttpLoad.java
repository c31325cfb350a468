package io.circus.sockets;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A steady HTTP load: {@code clients} threads, each sending one request after the other on new
 * connections until closed, counting answers and failures (with their reasons).
 */
final class HttpLoad implements AutoCloseable {

  private final int port;
  private final List<Thread> clients = new CopyOnWriteArrayList<>();
  private final AtomicInteger answered = new AtomicInteger();
  private final List<String> failures = new CopyOnWriteArrayList<>();
  private volatile boolean running = true;

  HttpLoad(int port, int clients) {
    this.port = port;
    for (int i = 0; i < clients; i++) {
      Thread client = new Thread(this::requestUntilClosed, "http-load-" + i);
      client.setDaemon(true);
      this.clients.add(client);
      client.start();
    }
  }

  int answered() {
    return answered.get();
  }

  List<String> failures() {
    return failures;
  }

  /** Waits until {@code more} requests beyond the answered ones are answered. */
  void awaitMoreAnswers(int more) {
    int target = answered.get() + more;
    await().atMost(Duration.ofSeconds(60)).until(() -> answered.get() >= target || !failures.isEmpty());
  }

  private void requestUntilClosed() {
    while (running) {
      try {
        Http.get(port, "/load");
        answered.incrementAndGet();
      } catch (Exception e) {
        if (running) failures.add(e.toString());
      }
    }
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    for (Thread client : clients) client.join(Http.READ_TIMEOUT_MS + Http.CONNECT_TIMEOUT_MS);
  }
}
