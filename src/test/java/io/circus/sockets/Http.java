package io.circus.sockets;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One HTTP/1.0 request on a fresh connection, written by hand so that nothing retries behind the
 * test's back: a request either gets its 200 answer or fails.
 */
final class Http {

  static final int CONNECT_TIMEOUT_MS = 10_000;
  static final int READ_TIMEOUT_MS = 30_000;

  private Http() {
  }

  /** The body of {@code GET path} on 127.0.0.1:port ("NAME PID PATH" from examples/http_worker.py). */
  static String get(int port, String path) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), CONNECT_TIMEOUT_MS);
      socket.setSoTimeout(READ_TIMEOUT_MS);
      return exchange(socket.getInputStream(), socket.getOutputStream(), path);
    }
  }

  /** The same over a unix socket. */
  static String get(Path socketFile, String path) throws IOException {
    try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      channel.connect(UnixDomainSocketAddress.of(socketFile));
      return exchange(Channels.newInputStream(channel), Channels.newOutputStream(channel), path);
    }
  }

  /** The bodies of {@code count} requests sent at the same time, each from its own thread. */
  static List<String> concurrently(int port, String path, int count) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(count);
    try {
      List<Callable<String>> requests = new ArrayList<>();
      for (int i = 0; i < count; i++) requests.add(() -> get(port, path));
      List<String> bodies = new ArrayList<>();
      for (Future<String> answer : threads.invokeAll(requests)) bodies.add(answer.get());
      return bodies;
    } finally {
      threads.shutdownNow();
    }
  }

  /** The pid of the worker that answered a body. */
  static int pid(String body) {
    return Integer.parseInt(body.split(" ")[1]);
  }

  private static String exchange(InputStream in, OutputStream out, String path) throws IOException {
    out.write(("GET " + path + " HTTP/1.0\r\nHost: test\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
    String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    if (!response.startsWith("HTTP/1.0 200 ")) {
      throw new IOException("not a 200 answer: '" + response + "'");
    }
    int body = response.indexOf("\r\n\r\n");
    return response.substring(body + 4).strip();
  }
}
