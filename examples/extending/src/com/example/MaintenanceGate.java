package com.example;

import io.circus.arbiter.Hook;
import io.circus.arbiter.HookCall;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A hook for before_start (or before_spawn): refuses while a file NAME.maintenance exists in
 * circusd's working directory, NAME being the watcher's. Touch the file to keep the watcher from
 * being started, remove it and start the watcher again.
 *
 * <pre>
 * [watcher:web]
 * hooks.before_start = com.example.MaintenanceGate
 * </pre>
 */
public final class MaintenanceGate implements Hook {

  @Override
  public boolean run(HookCall call) {
    return !Files.exists(Path.of(call.watcher().name() + ".maintenance"));
  }
}
