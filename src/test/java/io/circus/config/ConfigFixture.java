package io.circus.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Writes configuration files for a test and loads them. */
final class ConfigFixture {

  private static final String WATCHER_W = "[watcher:w]\ncmd = run\n";

  private final Path dir;

  ConfigFixture(Path dir) {
    this.dir = dir;
  }

  /** Writes {@code text} to {@code name} (relative to the test directory, parents created). */
  Path write(String name, String text) {
    Path file = dir.resolve(name);
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  CircusConfig load(String text) {
    return load(text, Map.of());
  }

  CircusConfig load(String text, Map<String, String> env) {
    return ConfigLoader.load(write("circus.ini", text), env);
  }

  /** The only watcher, "w" running "run", of a configuration with {@code options} added to its section. */
  WatcherSpec watcherWith(String options) {
    return load(WATCHER_W + options).watchers().get(0);
  }

  /** The errors of a watcher "w" running "run" with {@code options} added (loading must fail). */
  List<ConfigError> watcherErrors(String options) {
    return errors(WATCHER_W + options);
  }

  /** A watcher section running {@code sleep 1}. */
  static String sleeper(String name) {
    return "[watcher:" + name + "]\ncmd = sleep 1\n";
  }

  /** The errors loading {@code text} gives (it must fail). */
  List<ConfigError> errors(String text) {
    return errorsOf(write("circus.ini", text));
  }

  static List<ConfigError> errorsOf(Path file) {
    ConfigException[] caught = new ConfigException[1];
    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
        .isInstanceOfSatisfying(ConfigException.class, e -> caught[0] = e);
    return caught[0].errors();
  }

  static WatcherSpec watcher(CircusConfig config, String name) {
    return config.watchers().stream().filter(w -> w.name().equals(name)).findFirst().orElseThrow();
  }
}
