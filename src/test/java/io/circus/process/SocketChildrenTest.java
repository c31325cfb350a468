package io.circus.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Sockets handed to children, and the reactor telling when a listening socket has a connection. */
class SocketChildrenTest extends LauncherTest {

  private static final long SELF = ProcessHandle.current().pid();

  private static SocketSetup loopback(int port, boolean reusePort) {
    return new SocketSetup(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), SocketType.STREAM, 0, 16, true,
        reusePort, null, false, null, false);
  }

  private static boolean accepts(int port) throws Exception {
    try (Socket client = new Socket()) {
      client.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
      return true;
    } catch (ConnectException refused) {
      return false;
    }
  }

  @Test
  void aSharedSocketReachesTheChildAsTheSameSocket() throws Exception {
    try (BoundSocket socket = SocketBinder.bind(loopback(0, false))) {
      Recorder recorder = new Recorder();
      ChildProcess child = launcher.spawn(Spawns.command("sleep", "30").passFds(socket.fd()).request(), recorder);
      try {
        await().atMost(Duration.ofSeconds(10)).until(() -> TestFds.cmdline(child.pid()).equals(List.of("sleep", "30")));
        assertThat(TestFds.target(child.pid(), 3)).isEqualTo(TestFds.target(SELF, socket.fd()));
      } finally {
        child.signal(Signals.SIGKILL);
        recorder.awaitExit();
      }
      assertThat(accepts(socket.port())).as("still open in circusd").isTrue();
    }
  }

  @Test
  void aChildsOwnSocketIsBoundForItAndLivesAsLongAsTheChild() throws Exception {
    try (BoundSocket reservation = SocketBinder.bind(loopback(0, true).reservingOnly())) {
      int port = reservation.port();
      Recorder recorder = new Recorder();
      PassedFd passed = new PassedFd.OwnSocket(loopback(port, true));
      ChildProcess child = launcher.spawn(Spawns.command("sleep", "30").pass(passed).request(), recorder);
      try {
        await().atMost(Duration.ofSeconds(10)).until(() -> TestFds.cmdline(child.pid()).equals(List.of("sleep", "30")));
        String own = TestFds.target(child.pid(), 3);
        assertThat(own).startsWith("socket:").isNotEqualTo(TestFds.target(SELF, reservation.fd()));
        assertThat(accepts(port)).as("the child's socket listens").isTrue();
        assertThat(targets(SELF)).as("circusd closed its copy").doesNotContain(own);
      } finally {
        child.signal(Signals.SIGKILL);
        recorder.awaitExit();
      }
      assertThat(accepts(port)).as("gone with the child").isFalse();
    }
  }

  private static List<String> targets(long pid) throws Exception {
    List<String> targets = new ArrayList<>();
    for (int fd : TestFds.openFds(pid)) {
      try {
        targets.add(TestFds.target(pid, fd));
      } catch (IOException closedMeanwhile) {
        // not open any more
      }
    }
    return targets;
  }

  @Test
  void aChildsOwnSocketThatCannotBeBoundIsASpawnError() throws Exception {
    try (BoundSocket taken = SocketBinder.bind(loopback(0, false))) {
      PassedFd own = new PassedFd.OwnSocket(loopback(taken.port(), true));
      Recorder recorder = new Recorder();
      assertThatThrownBy(() -> launcher.spawn(Spawns.command("sleep", "30").pass(own).request(), recorder))
          .isInstanceOf(SpawnException.class).hasMessageContaining("its socket for fd 3")
          .hasMessageContaining("Address already in use");
    }
  }

  @Test
  void aWaitingConnectionIsReportedOnceAndStaysQueued() throws Exception {
    try (BoundSocket socket = SocketBinder.bind(loopback(0, false))) {
      AtomicInteger calls = new AtomicInteger();
      CompletableFuture<Thread> called = new CompletableFuture<>();
      ReadinessWatch watch = launcher.watchReadable(socket.fd(), () -> {
        calls.incrementAndGet();
        called.complete(Thread.currentThread());
      });
      try (Socket client = new Socket()) {
        client.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), socket.port()), 5000);

        assertThat(called.get(10, TimeUnit.SECONDS).getName()).isEqualTo("circus-process-reactor");
        try (Socket second = new Socket()) {
          second.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), socket.port()), 5000);
        }
        watch.cancel().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(calls).hasValue(1);
      }
    }
  }

  @Test
  void aCancelledWatchNeverCallsBackAndLetsGoOfItsCopy() throws Exception {
    try (BoundSocket socket = SocketBinder.bind(loopback(0, false))) {
      int fdsBefore = TestFds.openFds(SELF).size();
      AtomicInteger calls = new AtomicInteger();
      ReadinessWatch watch = launcher.watchReadable(socket.fd(), calls::incrementAndGet);

      watch.cancel().toCompletableFuture().get(10, TimeUnit.SECONDS);

      assertThat(TestFds.openFds(SELF)).hasSize(fdsBefore);
      assertThat(accepts(socket.port())).isTrue();
      assertThat(calls).hasValue(0);
    }
  }
}
