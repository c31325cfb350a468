package io.circus.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reload variants: one base configuration and, for each test, a variant of it. */
class ConfigDiffTest {

  private static final String CIRCUS = "[circus]\ncheck_delay = -1\nendpoint = tcp://127.0.0.1:7555\npubsub_endpoint = tcp://127.0.0.1:7556\n";
  private static final String WATCHERS = "[watcher:test1]\ncmd = sleep 120\n[watcher:test2]\ncmd = sleep 120\n";
  private static final String SOCKET = "[socket:mysocket]\nhost = localhost\nport = 8888\n";
  private static final String PLUGIN = "[plugin:myplugin]\nuse = circus.plugins.resource_watcher.ResourceWatcher\nwatcher = test1\n";

  @TempDir
  Path dir;

  private CircusConfig load(String name, String text) {
    return ConfigLoader.load(new ConfigFixture(dir).write(name, text), java.util.Map.of());
  }

  private ConfigDiff diffToBase(String variant) {
    return ConfigDiff.between(load("base.ini", CIRCUS + WATCHERS + SOCKET + PLUGIN), load("variant.ini", variant));
  }

  @Test
  void theSameConfigurationInAnotherFileHasNoDifference() {
    assertThat(diffToBase(CIRCUS + WATCHERS + SOCKET + PLUGIN).isEmpty()).isTrue();
  }

  @Test
  void addedWatcher() {
    ConfigDiff d = diffToBase(CIRCUS + WATCHERS + "[watcher:test3]\ncmd = sleep 120\n" + SOCKET + PLUGIN);
    assertThat(d.watchersAdded()).containsExactly("test3");
    assertThat(d.watchersChanged()).isEmpty();
  }

  @Test
  void removedWatcher() {
    assertThat(diffToBase(CIRCUS + "[watcher:test1]\ncmd = sleep 120\n" + SOCKET + PLUGIN).watchersRemoved()).containsExactly("test2");
  }

  @Test
  void changedWatcher() {
    ConfigDiff d = diffToBase(CIRCUS + "[watcher:test1]\ncmd = sleep 120\n[watcher:test2]\ncmd = sleep 150\n" + SOCKET + PLUGIN);
    assertThat(d.watchersChanged()).containsExactly("test2");
    assertThat(d.watchersResized()).isEmpty();
  }

  @Test
  void onlyNumprocessesChanged() {
    ConfigDiff d = diffToBase(CIRCUS + "[watcher:test1]\ncmd = sleep 120\nnumprocesses = 2\n[watcher:test2]\ncmd = sleep 120\n"
        + "numprocesses = 2\n" + SOCKET + PLUGIN);
    assertThat(d.watchersResized()).containsExactly("test1", "test2");
    assertThat(d.watchersChanged()).isEmpty();
  }

  @Test
  void numprocessesAndMoreChangedIsAChange() {
    ConfigDiff d = diffToBase(CIRCUS + "[watcher:test1]\ncmd = sleep 1\nnumprocesses = 2\n[watcher:test2]\ncmd = sleep 120\n" + SOCKET + PLUGIN);
    assertThat(d.watchersChanged()).containsExactly("test1");
    assertThat(d.watchersResized()).isEmpty();
  }

  @Test
  void addedRemovedAndChangedSockets() {
    assertThat(diffToBase(CIRCUS + WATCHERS + SOCKET + "[socket:mysocket2]\nport = 8889\n" + PLUGIN).socketsAdded())
        .containsExactly("mysocket2");
    assertThat(diffToBase(CIRCUS + WATCHERS + PLUGIN).socketsRemoved()).containsExactly("mysocket");
    assertThat(diffToBase(CIRCUS + WATCHERS + "[socket:mysocket]\nhost = localhost\nport = 8889\n" + PLUGIN).socketsChanged())
        .containsExactly("mysocket");
  }

  @Test
  void addedRemovedAndChangedPlugins() {
    assertThat(diffToBase(CIRCUS + WATCHERS + SOCKET + PLUGIN + "[plugin:myplugin2]\nuse = x.Y\nwatcher = test2\n").pluginsAdded())
        .containsExactly("myplugin2");
    assertThat(diffToBase(CIRCUS + WATCHERS + SOCKET).pluginsRemoved()).containsExactly("myplugin");
    assertThat(diffToBase(CIRCUS + WATCHERS + SOCKET + PLUGIN + "service = test1\n").pluginsChanged()).containsExactly("myplugin");
  }

  @Test
  void arbiterChangesAreNamedByTheirOptionKeys() {
    ConfigDiff d = diffToBase(CIRCUS.replace("check_delay = -1", "check_delay = -2") + WATCHERS + SOCKET + PLUGIN);
    assertThat(d.arbiterOptionsChanged()).containsExactly("check_delay");
  }

  @Test
  void turningStatsdOnChangesTheArbiter() {
    ConfigDiff d = diffToBase(CIRCUS + "stats_endpoint = tcp://127.0.0.1:5557\nstatsd = True\n" + WATCHERS + SOCKET + PLUGIN);
    assertThat(d.arbiterOptionsChanged()).containsExactly("statsd");
  }

  @Test
  void multiWordOptionKeysAreSnakeCase() {
    ConfigDiff d = diffToBase(CIRCUS + "httpd_port = 9999\nendpoint_owner = circus\n" + WATCHERS + SOCKET + PLUGIN);
    assertThat(d.arbiterOptionsChanged()).containsExactly("endpoint_owner", "httpd_port");
  }
}
