package io.circus.arbiter;

import static org.assertj.core.api.Assertions.assertThat;

import io.circus.config.ArbiterSpec;
import io.circus.config.WatcherSpec;
import io.circus.process.NativeProcessLauncher;
import io.vertx.core.Vertx;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The library use shown in the README: build watchers in code, start, scale, stop, close. */
class LibraryApiTest {

  @Test
  void watchersBuiltInCodeStartScaleAndStopFromAnyThread() {
    Vertx vertx = Vertx.vertx();
    try {
      WatcherSpec web = WatcherSpec.builder("web").cmd("sleep 3600").numprocesses(1).build();
      Arbiter arbiter = Await.result(ArbiterVerticle.deploy(vertx, ArbiterSpec.defaults(), List.of(web), NativeProcessLauncher::new)
          .compose(a -> a.start().map(a)));
      Watcher watcher = arbiter.watcher("web").orElseThrow();
      assertThat(watcher.snapshot().state()).isEqualTo(WatcherState.ACTIVE);
      assertThat(arbiter.describe().getJsonObject("web").getJsonArray("pids")).hasSize(1);

      assertThat(Await.result(watcher.setNumprocesses(4))).isEqualTo(4);
      assertThat(watcher.snapshot().pids()).hasSize(4);

      Await.result(arbiter.stop());
      assertThat(watcher.snapshot().state()).isEqualTo(WatcherState.STOPPED);
      assertThat(watcher.snapshot().pids()).isEmpty();
    } finally {
      Await.result(vertx.close());
    }
  }
}
