package io.circus.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Pipe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Registered for every test class (auto-detected): after the class, no child process of the test
 * JVM that the class started may be left (zombies included), and no pipe, pidfd or socket the
 * class opened may still be open in the JVM.
 */
public final class LeakCheckExtension implements BeforeAllCallback, AfterAllCallback {

  private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(LeakCheckExtension.class);
  private static final Duration SETTLE = Duration.ofSeconds(10);

  @Override
  public void beforeAll(ExtensionContext context) {
    openJdkPreCloseSocket();
    ExtensionContext.Store store = context.getStore(NS);
    store.put("children", ProcFs.childrenOf(ProcessHandle.current().pid()).keySet());
    store.put("fds", leakableFds().keySet());
  }

  @Override
  @SuppressWarnings("unchecked")
  public void afterAll(ExtensionContext context) {
    ExtensionContext.Store store = context.getStore(NS);
    Set<Long> childrenBefore = store.get("children", Set.class);
    Set<Integer> fdsBefore = store.get("fds", Set.class);
    long self = ProcessHandle.current().pid();
    try {
      await("children of the test JVM to be gone").atMost(SETTLE).pollInterval(Duration.ofMillis(50))
          .until(() -> newEntries(ProcFs.childrenOf(self), childrenBefore).isEmpty());
    } catch (ConditionTimeoutException e) {
      Map<Long, String> left = newEntries(ProcFs.childrenOf(self), childrenBefore);
      left.keySet().forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
      throw new AssertionError(context.getDisplayName() + " left child processes behind: " + left);
    }
    try {
      await("file descriptors to be closed").atMost(SETTLE).pollInterval(Duration.ofMillis(50))
          .until(() -> newEntries(leakableFds(), fdsBefore).isEmpty());
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(context.getDisplayName() + " left file descriptors open: "
          + newEntries(leakableFds(), fdsBefore));
    }
  }

  /**
   * The JDK keeps one socket for the whole life of the JVM (NIO's "pre-close" descriptor), made
   * when the first NIO channel is created: made here, it belongs to the baseline rather than to
   * the first test class that happens to use NIO (JeroMQ does).
   */
  private static void openJdkPreCloseSocket() {
    try {
      Pipe pipe = Pipe.open();
      pipe.sink().close();
      pipe.source().close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static <K> Map<K, String> newEntries(Map<K, String> now, Set<K> before) {
    Map<K, String> result = new TreeMap<>(now);
    result.keySet().removeAll(before);
    return result;
  }

  /** The JVM's open pipes, pidfds and sockets: what a supervisor leaks when it forgets a child. */
  static Map<Integer, String> leakableFds() {
    Map<Integer, String> fds = new TreeMap<>();
    try (Stream<Path> entries = Files.list(Path.of("/proc/self/fd"))) {
      for (Path entry : entries.collect(Collectors.toList())) {
        try {
          String target = Files.readSymbolicLink(entry).toString();
          if (target.startsWith("pipe:") || target.startsWith("socket:") || target.equals("anon_inode:[pidfd]")) {
            fds.put(Integer.parseInt(entry.getFileName().toString()), target);
          }
        } catch (IOException closedMeanwhile) {
          // the fd was closed while listing: not open, nothing to record
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot list /proc/self/fd", e);
    }
    return fds;
  }
}
