package io.circus.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Hooks named in a watcher section, run by circusd around real processes. */
@ExtendWith(VertxExtension.class)
class HooksFromConfigTest {

  @TempDir
  Path dir;

  @Test
  void configuredHooksRunAroundRealProcessesAndBeforeSignalKeepsTheStopSignalBack(Vertx vertx) {
    PluginHarness circus = new PluginHarness(vertx, dir, """
        [watcher:web]
        cmd = sleep 3600
        graceful_timeout = 0.5
        hooks_timeout = 5
        hooks.after_spawn = io.circus.arbiter.TestHooks$Yes
        hooks.before_signal = io.circus.arbiter.TestHooks$No, true
        """).started();
    int pid = circus.call("list", new JsonObject().put("name", "web")).getJsonArray("pids").getInteger(0);

    circus.call("stop", new JsonObject().put("name", "web").put("waiting", true));

    assertThat(circus.eventsOf("web", "hook_success")).extracting(e -> e.getJsonObject("data").getString("name"))
        .containsExactly("after_spawn", "before_signal", "before_signal");
    // SIGTERM was kept back; SIGKILL, after graceful_timeout, cannot be
    assertThat(circus.eventsOf("web", "kill")).hasSize(1);
    assertThat(circus.eventsOf("web", "reap")).singleElement()
        .satisfies(e -> assertThat(e.getJsonObject("data").getInteger("exit_code")).isEqualTo(-9));
    assertThat(circus.eventsOf("web", "reap").get(0).getJsonObject("data").getInteger("process_pid")).isEqualTo(pid);
    assertThat(circus.status("web")).isEqualTo("stopped");
  }
}
