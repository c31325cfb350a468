package io.circus.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGHUP makes circusd read its configuration again and apply the difference. */
class ConfigReloadTest {

  private static final String CIRCUS = "[circus]\n" + CircusdProcess.FREE_ENDPOINTS + "\n";

  @TempDir
  Path dir;

  @Test
  void sighupAppliesTheDifferenceAndLeavesUnchangedWatchersAlone() throws Exception {
    Path config = dir.resolve("circus.ini");
    Files.writeString(config, CIRCUS + """
        [watcher:kept]
        cmd = sleep 3610
        numprocesses = 2

        [watcher:resized]
        cmd = sleep 3611

        [watcher:changed]
        cmd = sleep 3612

        [watcher:removed]
        cmd = sleep 3613
        """);
    try (CircusdProcess circusd = CircusdProcess.start(dir, "circus.ini")) {
      List<Long> kept = circusd.awaitChildren("sleep 3610", 2);
      List<Long> resized = circusd.awaitChildren("sleep 3611", 1);
      List<Long> removed = circusd.awaitChildren("sleep 3613", 1);
      circusd.awaitChildren("sleep 3612", 1);

      Files.writeString(config, CIRCUS + """
          [watcher:kept]
          cmd = sleep 3610
          numprocesses = 2

          [watcher:resized]
          cmd = sleep 3611
          numprocesses = 3

          [watcher:changed]
          cmd = sleep 3622

          [watcher:added]
          cmd = sleep 3614
          """);
      circusd.signal("HUP");

      circusd.awaitChildren("sleep 3614", 1);
      circusd.awaitChildren("sleep 3622", 1);
      assertThat(circusd.awaitChildren("sleep 3611", 3)).containsAll(resized);
      await().atMost(Duration.ofSeconds(30)).until(() -> circusd.childrenRunning("sleep 3613").isEmpty()
          && circusd.childrenRunning("sleep 3612").isEmpty());
      assertThat(circusd.childrenRunning("sleep 3610")).containsExactlyInAnyOrderElementsOf(kept);
      assertThat(removed).noneMatch(CircusdProcess::alive);

      circusd.signal("TERM");
      assertThat(circusd.waitForExit(Duration.ofSeconds(60))).isZero();
    }
  }

  @Test
  void aBrokenConfigurationOnSighupIsRefusedAndTheDaemonRunsOn() throws Exception {
    Path config = dir.resolve("circus.ini");
    Files.writeString(config, CIRCUS + """
        [watcher:steady]
        cmd = sleep 3615
        """);
    try (CircusdProcess circusd = CircusdProcess.start(dir, "circus.ini")) {
      List<Long> steady = circusd.awaitChildren("sleep 3615", 1);

      Files.writeString(config, CIRCUS + """
          [watcher:steady]
          cmd = sleep 3615
          numprocesses = many
          """);
      circusd.signal("HUP");

      await().atMost(Duration.ofSeconds(30)).until(() -> circusd.output().contains("configuration not reloaded"));
      assertThat(circusd.output()).contains("numprocesses = \"many\"");
      assertThat(circusd.childrenRunning("sleep 3615")).isEqualTo(steady);
      circusd.signal("TERM");
      assertThat(circusd.waitForExit(Duration.ofSeconds(60))).isZero();
    }
  }
}
