package io.circus.arbiter;

/**
 * A watcher hook ({@code hooks.NAME = fully.qualified.Class[, ignore_failure]} in a watcher
 * section): a class with a public no-argument constructor. One instance serves every call of the
 * hooks that name it, possibly from several threads at once.
 *
 * <p>It runs on a thread of its own, never on an event loop, and may block; past the watcher's
 * {@code hooks_timeout} it counts as failed and the thread is interrupted. What its result means
 * depends on the hook (SPEC.md §7.9): {@code false} from {@code before_start},
 * {@code after_start}, {@code before_spawn} or {@code after_spawn} aborts the start or the spawn;
 * {@code false} from {@code before_signal} keeps the signal from being sent (SIGKILL is always
 * sent); the other hooks' results are ignored. An exception (or the time-out) counts as
 * {@code false}, except for the hooks configured to ignore failures and for {@code before_stop},
 * {@code after_stop}, {@code before_signal}, {@code after_signal} and {@code extended_stats},
 * whose failures never stop anything.
 */
@FunctionalInterface
public interface Hook {

  boolean run(HookCall call) throws Exception;
}
