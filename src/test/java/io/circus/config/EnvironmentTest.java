package io.circus.config;

import static io.circus.config.ConfigFixture.watcher;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentTest {

  @TempDir
  Path dir;

  private CircusConfig load(String text, Map<String, String> daemonEnv) {
    return new ConfigFixture(dir).load(text, daemonEnv);
  }

  @Test
  void envSectionAppliesToEveryWatcher() {
    CircusConfig c = load("[watcher:a]\ncmd = x\n[watcher:b]\ncmd = x\n[env]\nCAKE = lie\n", Map.of());
    assertThat(c.watchers()).allSatisfy(w -> assertThat(w.env()).containsExactly(Map.entry("CAKE", "lie")));
  }

  @Test
  void envPatternsMatchByNameListAndWildcard() {
    CircusConfig c = load("""
        [watcher:web1]
        cmd = x
        [watcher:web2]
        cmd = x
        [watcher:db]
        cmd = x
        [env:web1]
        ONE = 1
        [env:web2, db]
        LIST = yes
        [env:web*]
        WILD = yes
        [env:*]
        ALL = yes
        """, Map.of());
    assertThat(watcher(c, "web1").env()).containsOnlyKeys("ONE", "WILD", "ALL");
    assertThat(watcher(c, "web2").env()).containsOnlyKeys("LIST", "WILD", "ALL");
    assertThat(watcher(c, "db").env()).containsOnlyKeys("LIST", "ALL");
  }

  @Test
  void laterEnvSectionsWinAndSectionsBeatTheCommonOne() {
    CircusConfig c = load("[watcher:w]\ncmd = x\n[env:w]\nX = first\nY = own\n[env]\nY = common\n[env:*]\nX = second\n", Map.of());
    assertThat(watcher(c, "w").env()).containsEntry("X", "second").containsEntry("Y", "own");
  }

  @Test
  void dollarNamesInEnvValuesComeFromTheDaemonEnvironment() {
    CircusConfig c = load("[watcher:w]\ncmd = x\n[env:w]\nPATH = $PATH:/bin\nGONE = [$NOT_SET]\nlower = $path\n",
        Map.of("PATH", "/usr/bin", "path", "ignored"));
    assertThat(watcher(c, "w").env()).containsEntry("PATH", "/usr/bin:/bin").containsEntry("GONE", "[]")
        .containsEntry("lower", "$path");
  }

  @Test
  void variableNamesKeepTheirCase() {
    CircusConfig c = load("[watcher:webapp]\ncmd = curl\n[env:webapp]\nhttp_proxy = http://localhost:8080\n"
        + "HTTPS_PROXY = http://localhost:8043\nFunKy_soUl = scorpio\n", Map.of());
    assertThat(watcher(c, "webapp").env()).containsOnlyKeys("http_proxy", "HTTPS_PROXY", "FunKy_soUl");
  }

  @Test
  void copyEnvPutsTheDaemonEnvironmentUnderneath() {
    CircusConfig c = load("[watcher:plain]\ncmd = x\n[watcher:copy]\ncmd = x\ncopy_env = true\n[env]\nTEST1 = test1\n",
        Map.of("BAM", "1"));
    assertThat(watcher(c, "plain").childEnvironment(Map.of("BAM", "1"))).containsOnlyKeys("TEST1");
    assertThat(watcher(c, "copy").childEnvironment(Map.of("BAM", "1"))).containsOnlyKeys("BAM", "TEST1");
    assertThat(watcher(c, "copy").env()).containsOnlyKeys("TEST1");
  }

  @Test
  void circusEnvPlaceholdersComeFromTheDaemonThenEnvThenTheWatchersSections() {
    CircusConfig c = load("""
        [watcher:my_app]
        cmd = boo
        uid = $(circus.env.circus_uid)
        gid = ((CIRCUS.ENV.CIRCUS_GID))
        working_dir = $(circus.env.HOME)
        [env]
        circus_gid = wheel
        circus_uid = tarek
        [env:my_app]
        circus_gid = root
        """, Map.of("circus_uid", "ubuntu", "circus_gid", "ubuntu", "HOME", "/srv/app"));
    WatcherSpec w = watcher(c, "my_app");
    assertThat(w.uid()).isEqualTo("tarek");
    assertThat(w.gid()).isEqualTo("root");
    assertThat(w.workingDir()).isEqualTo("/srv/app");
  }

  @Test
  void circusEnvPlaceholdersWorkInEverySection() {
    CircusConfig c = load("""
        [circus]
        endpoint = tcp://127.0.0.1:$(circus.env.ENDPOINT_PORT)
        [socket:bad]
        path = /var/run/$(circus.env.BAD_PATH)
        [plugin:breaking]
        use = bad.has.been.$(circus.env.WHAT)
        [env]
        ENDPOINT_PORT = 1234
        BAD_PATH = broken.sock
        WHAT = broken
        """, Map.of());
    assertThat(c.arbiter().endpoint()).isEqualTo("tcp://127.0.0.1:1234");
    assertThat(c.sockets().get(0).path()).isEqualTo("/var/run/broken.sock");
    assertThat(c.plugins().get(0).use()).isEqualTo("bad.has.been.broken");
  }

  @Test
  void unknownAndSpawnTimePlaceholdersStay() {
    CircusConfig c = load("[watcher:w]\ncmd = run $(circus.env.NOPE) $(circus.wid) $(circus.numprocesses)\n", Map.of());
    assertThat(c.watchers().get(0).cmd()).isEqualTo("run $(circus.env.NOPE) $(circus.wid) $(circus.numprocesses)");
  }

  @Test
  void envValuesMayUseCircusEnvPlaceholders() {
    CircusConfig c = load("[watcher:w]\ncmd = x\n[env]\nBASE = /opt\n[env:w]\nLIB = $(circus.env.base)/lib\n", Map.of());
    assertThat(watcher(c, "w").env()).containsEntry("LIB", "/opt/lib");
  }

  @Test
  void substitutedValuesAreValidatedAndErrorsShowTheWrittenText() {
    ConfigError e = new ConfigFixture(dir).errors("[watcher:w]\ncmd = x\nnumprocesses = $(circus.env.N)\n[env]\nN = two\n").get(0);
    assertThat(e.value()).isEqualTo("two");
    assertThat(e.expected()).contains("written \"$(circus.env.N)\"");
  }
}
