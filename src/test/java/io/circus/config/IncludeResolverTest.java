package io.circus.config;

import static io.circus.config.ConfigFixture.sleeper;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncludeResolverTest {

  @TempDir
  Path dir;

  private ConfigFixture files() {
    return new ConfigFixture(dir);
  }

  private static List<String> watcherNames(CircusConfig config) {
    return config.watchers().stream().map(WatcherSpec::name).toList();
  }

  @Test
  void includeGlobsAreRelativeToTheIncludingFile() {
    ConfigFixture f = files();
    f.write("conf/a.ini", sleeper("a"));
    f.write("conf/b.ini", sleeper("b"));
    f.write("conf/.hidden.ini", sleeper("hidden"));
    assertThat(watcherNames(f.load("[circus]\ninclude = conf/*.ini\n"))).containsExactly("a", "b");
  }

  @Test
  void absoluteIncludesAreAllowed() {
    ConfigFixture f = files();
    Path other = f.write("elsewhere/x.ini", sleeper("x"));
    assertThat(watcherNames(f.load("[circus]\ninclude = " + other + "\n"))).containsExactly("x");
  }

  @Test
  void multiLevelGlobsCrossDirectories() {
    ConfigFixture f = files();
    f.write("conf.d/one/a.ini", sleeper("a"));
    f.write("conf.d/two/b.ini", sleeper("b"));
    f.write("conf.d/c.ini", sleeper("c"));
    assertThat(watcherNames(f.load("[circus]\ninclude = conf.d/*/*.ini\n"))).containsExactly("a", "b");
  }

  @Test
  void includeDirTakesEveryIniFileOfEachDirectory() {
    ConfigFixture f = files();
    f.write("d1/a.ini", sleeper("a"));
    f.write("d1/notes.txt", "not a config");
    f.write("d2/b.ini", sleeper("b"));
    assertThat(watcherNames(f.load("[circus]\ninclude_dir = d1 d2\n"))).containsExactly("a", "b");
  }

  @Test
  void includedFilesMayIncludeFurtherFiles() {
    ConfigFixture f = files();
    f.write("a/first.ini", "[circus]\ninclude = ../b/*.ini\n[watcher:first]\ncmd = sleep 1\n");
    f.write("b/second.ini", sleeper("second"));
    assertThat(watcherNames(f.load("[circus]\ninclude = a/first.ini\n"))).containsExactly("first", "second");
  }

  @Test
  void theMainFileWinsOverIncludedFiles() {
    ConfigFixture f = files();
    f.write("inc.ini", "[circus]\ncheck_delay = 1\nloglevel = debug\n[watcher:w]\ncmd = other\n");
    CircusConfig config = f.load("[circus]\ninclude = inc.ini\ncheck_delay = 7\n[watcher:w]\ncmd = main\n");
    assertThat(config.arbiter().checkDelay()).isEqualTo(7.0);
    assertThat(config.arbiter().loglevel()).isEqualTo("debug");
    assertThat(config.watchers()).singleElement().extracting(WatcherSpec::cmd).isEqualTo("main");
  }

  @Test
  void optionsRememberTheFileTheyCameFrom() {
    ConfigFixture f = files();
    Path inc = f.write("inc.ini", "[watcher:w]\ncmd = sleep 1\nnumprocesses = many\n");
    List<ConfigError> errors = ConfigFixture.errorsOf(f.write("circus.ini", "[circus]\ninclude = inc.ini\n"));
    assertThat(errors).singleElement().satisfies(e -> {
      assertThat(e.file()).isEqualTo(inc.toString());
      assertThat(e.expected()).contains("(line 3)");
    });
  }

  @Test
  void patternsAndDirectoriesMatchingNothingOnlyWarn() {
    CircusConfig config = files().load("[circus]\ninclude = garbage*.ini\ninclude_dir = empty\n");
    assertThat(config.warnings()).hasSize(2)
        .anyMatch(w -> w.contains("garbage*.ini") && w.contains("matches no file"))
        .anyMatch(w -> w.contains("include_dir") && w.contains("empty"));
  }

  @Test
  void aMissingNamedIncludeIsAnError() {
    assertThat(files().errors("[circus]\ninclude = nothere.ini\n")).singleElement().satisfies(e -> {
      assertThat(e.section()).isEqualTo("circus");
      assertThat(e.option()).isEqualTo("include");
      assertThat(e.value()).isEqualTo("nothere.ini");
      assertThat(e.expected()).contains("does not exist");
    });
  }

  @Test
  void anUnreadableIncludeIsAnError() throws Exception {
    ConfigFixture f = files();
    Path secret = f.write("secret.ini", "[watcher:s]\ncmd = x\n");
    Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));
    assumeFalse(Files.isReadable(secret), "running as root: every file is readable");
    assertThat(f.errors("[circus]\ninclude = secret.ini\n")).singleElement()
        .satisfies(e -> assertThat(e.expected()).contains("cannot read"));
  }

  @Test
  void anIncludeThatCannotBeReadAsAFileIsAnErrorEvenForRoot() throws Exception {
    ConfigFixture f = files();
    Files.createDirectory(dir.resolve("folder.ini"));
    assertThat(f.errors("[circus]\ninclude = folder.ini\n")).singleElement()
        .satisfies(e -> assertThat(e.expected()).contains("is a directory, not a configuration file"));
  }

  @Test
  void anIncludeCycleIsAnErrorNamingTheFiles() {
    ConfigFixture f = files();
    f.write("a.ini", "[circus]\ninclude = b.ini\n");
    f.write("b.ini", "[circus]\ninclude = a.ini\n");
    List<ConfigError> errors = f.errors("[circus]\ninclude = a.ini\n");
    assertThat(errors).singleElement().satisfies(e -> assertThat(e.expected())
        .contains("include cycle").contains(dir.resolve("a.ini") + " includes " + dir.resolve("b.ini") + " includes " + dir.resolve("a.ini")));
  }

  @Test
  void aFileReachedTwiceIsReadOnce() {
    ConfigFixture f = files();
    f.write("shared.ini", sleeper("s"));
    f.write("x.ini", "[circus]\ninclude = shared.ini\n");
    assertThat(watcherNames(f.load("[circus]\ninclude = x.ini shared.ini\n"))).containsExactly("s");
  }

  @Test
  void syntaxErrorsOfEveryFileAreReportedTogether() {
    ConfigFixture f = files();
    f.write("a.ini", "[watcher:a]\nbroken line\n");
    f.write("b.ini", "oops\n");
    List<ConfigError> errors = f.errors("[circus]\ninclude = a.ini b.ini\n");
    assertThat(errors).extracting(ConfigError::file)
        .containsExactly(dir.resolve("a.ini").toString(), dir.resolve("b.ini").toString());
  }

  @Test
  void aMissingMainFileUsesCircussWording() {
    Path missing = dir.resolve("nope.ini");
    assertThat(ConfigFixture.errorsOf(missing)).singleElement().extracting(ConfigError::expected)
        .isEqualTo("the configuration file '" + missing + "' does not exist");
  }

  @Test
  void includeValuesMayUseTheDaemonEnvironment() {
    ConfigFixture f = files();
    f.write("site/w.ini", sleeper("w"));
    Path main = f.write("circus.ini", "[circus]\ninclude = $(circus.env.SITE)/*.ini\n");
    assertThat(watcherNames(ConfigLoader.load(main, Map.of("SITE", "site")))).containsExactly("w");
  }

  @Test
  void invalidUtf8IsAnError() throws Exception {
    Path main = dir.resolve("circus.ini");
    Files.write(main, new byte[] {'[', 'c', ']', '\n', 'a', '=', (byte) 0xff, '\n'});
    assertThat(ConfigFixture.errorsOf(main)).singleElement().extracting(ConfigError::expected).isEqualTo("is not valid UTF-8 text");
  }
}
