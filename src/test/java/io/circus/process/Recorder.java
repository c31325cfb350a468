package io.circus.process;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A listener that keeps everything it is told about one child, for assertions. */
class Recorder implements ProcessListener {

  private final Map<OutputKind, ByteArrayOutputStream> output = new EnumMap<>(OutputKind.class);
  private final CompletableFuture<ExitStatus> exit = new CompletableFuture<>();
  private final AtomicInteger exitCalls = new AtomicInteger();
  private volatile Thread callbackThread;
  private volatile boolean outputAfterExit;

  Recorder() {
    for (OutputKind kind : OutputKind.values()) output.put(kind, new ByteArrayOutputStream());
  }

  /** Spawns and waits for the exit. */
  static Recorder run(ProcessLauncher launcher, Spawns spawn) throws Exception {
    Recorder recorder = new Recorder();
    launcher.spawn(spawn.request(), recorder);
    recorder.awaitExit();
    return recorder;
  }

  @Override
  public void onOutput(ChildProcess process, OutputKind kind, ByteBuffer data) {
    if (exit.isDone()) outputAfterExit = true;
    callbackThread = Thread.currentThread();
    byte[] bytes = new byte[data.remaining()];
    data.get(bytes);
    synchronized (output) {
      output.get(kind).writeBytes(bytes);
    }
  }

  @Override
  public void onExit(ChildProcess process, ExitStatus status) {
    callbackThread = Thread.currentThread();
    exitCalls.incrementAndGet();
    exit.complete(status);
  }

  ExitStatus awaitExit() throws Exception {
    return exit.get(30, TimeUnit.SECONDS);
  }

  boolean outputAfterExit() {
    return outputAfterExit;
  }

  boolean exited() {
    return exit.isDone();
  }

  int exitCalls() {
    return exitCalls.get();
  }

  Thread callbackThread() {
    return callbackThread;
  }

  String text(OutputKind kind) {
    synchronized (output) {
      return output.get(kind).toString(StandardCharsets.UTF_8);
    }
  }

  String stdout() {
    return text(OutputKind.STDOUT);
  }

  String stderr() {
    return text(OutputKind.STDERR);
  }

  int bytes(OutputKind kind) {
    synchronized (output) {
      return output.get(kind).size();
    }
  }
}
