package io.circus.arbiter;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * Hook classes for tests, named in specs by their binary names. Every call is recorded in
 * {@link #CALLS} as "hook_name details".
 */
public final class TestHooks {

  static final List<String> CALLS = new CopyOnWriteArrayList<>();
  /** Released when a test is over, so hanging hooks end even if never interrupted. */
  static volatile CountDownLatch release = new CountDownLatch(1);

  private TestHooks() {
  }

  static String name(Class<? extends Hook> hook) {
    return hook.getName();
  }

  static void reset() {
    CALLS.clear();
    release.countDown();
    release = new CountDownLatch(1);
  }

  private static void record(HookCall call) {
    JsonObject details = call.details().copy();
    details.remove("time");
    CALLS.add(call.hookName() + " " + details.encode());
  }

  /** Records the call and says yes. */
  public static final class Yes implements Hook {
    @Override
    public boolean run(HookCall call) {
      record(call);
      return true;
    }
  }

  /** Records the call and says no. */
  public static final class No implements Hook {
    @Override
    public boolean run(HookCall call) {
      record(call);
      return false;
    }
  }

  /** Records the call and throws. */
  public static final class Fails implements Hook {
    @Override
    public boolean run(HookCall call) {
      record(call);
      throw new IllegalStateException("redis is not there");
    }
  }

  /** Records the call and never returns by itself (it waits until interrupted or released). */
  public static final class Hangs implements Hook {
    @Override
    public boolean run(HookCall call) throws InterruptedException {
      record(call);
      release.await();
      return true;
    }
  }

  /** extended_stats: adds a field to the process record. */
  public static final class AddsQueueLength implements Hook {
    @Override
    public boolean run(HookCall call) {
      call.details().getJsonObject("stats").put("queue_length", 42);
      return true;
    }
  }

  /** Not a hook at all. */
  public static final class NotAHook {
  }
}
