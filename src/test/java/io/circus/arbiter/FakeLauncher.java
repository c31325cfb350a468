package io.circus.arbiter;

import io.circus.process.ChildProcess;
import io.circus.process.ExitStatus;
import io.circus.process.ProcessLauncher;
import io.circus.process.ProcessListener;
import io.circus.process.ReadinessWatch;
import io.circus.process.SpawnException;
import io.circus.process.SpawnRequest;
import io.circus.process.Signals;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A launcher without processes, for testing watcher logic: every spawn gets a made-up pid, exits
 * are reported from a separate thread like the real reactor does, a signal ends the fake process
 * unless it was told to ignore that signal, and spawns can be made to fail.
 */
final class FakeLauncher implements ProcessLauncher {

  private final AtomicInteger nextPid = new AtomicInteger(100_000);
  private final Map<Integer, Fake> alive = new ConcurrentHashMap<>();
  private final List<SpawnRequest> requests = new CopyOnWriteArrayList<>();
  private final List<String> signals = new CopyOnWriteArrayList<>();
  private final ExecutorService reactor = Executors.newSingleThreadExecutor(r -> new Thread(r, "fake-reactor"));
  private volatile SpawnException failure;
  private volatile int ignoredSignal;

  /** Every spawn from now on fails with this error (null: spawns succeed again). */
  void failSpawns(SpawnException error) {
    failure = error;
  }

  /** Processes spawned from now on ignore this signal (like a child that traps SIGTERM). */
  void ignoreSignal(int signal) {
    ignoredSignal = signal;
  }

  List<SpawnRequest> requests() {
    return requests;
  }

  /** "pid:signal" for every signal sent, in order. */
  List<String> signals() {
    return signals;
  }

  List<Integer> alivePids() {
    return new ArrayList<>(alive.keySet());
  }

  /** Makes a fake process exit on its own, as if it crashed. */
  void exit(int pid, ExitStatus status) {
    Fake fake = alive.remove(pid);
    if (fake != null) {
      reactor.execute(() -> fake.listener.onExit(fake, status));
    }
  }

  @Override
  public ChildProcess spawn(SpawnRequest request, ProcessListener listener) throws SpawnException {
    requests.add(request);
    SpawnException error = failure;
    if (error != null) {
      throw new SpawnException(error.errno(), error.getMessage());
    }
    Fake fake = new Fake(nextPid.incrementAndGet(), listener, ignoredSignal);
    alive.put(fake.pid, fake);
    return fake;
  }

  @Override
  public boolean signalPid(int pid, int signal) {
    return false;
  }

  @Override
  public ReadinessWatch watchReadable(int fd, Runnable onReadable) {
    throw new UnsupportedOperationException("the fake launcher watches no descriptors");
  }

  @Override
  public void close() {
    reactor.shutdownNow();
  }

  private final class Fake implements ChildProcess {
    private final int pid;
    private final ProcessListener listener;
    private final int ignored;

    Fake(int pid, ProcessListener listener, int ignored) {
      this.pid = pid;
      this.listener = listener;
      this.ignored = ignored;
    }

    @Override
    public int pid() {
      return pid;
    }

    @Override
    public boolean isAlive() {
      return alive.containsKey(pid);
    }

    @Override
    public boolean signal(int signal) {
      if (!isAlive()) {
        return false;
      }
      signals.add(pid + ":" + signal);
      if (signal != ignored || signal == Signals.SIGKILL) {
        exit(pid, ExitStatus.killed(signal));
      }
      return true;
    }

    @Override
    public List<Integer> children() {
      return List.of();
    }

    @Override
    public List<Integer> descendants() {
      return List.of();
    }

    @Override
    public void pauseOutput(boolean paused) {
    }
  }
}
