package io.circus.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The child gets the argv, environment, directory and umask it was given, and runs the right program. */
class SpawnSetupTest extends LauncherTest {


  @TempDir
  Path dir;

  @Test
  void argumentsWithSpacesQuotesAndShellCharactersArriveIntact() throws Exception {
    String printEachArgument = "for a in \"$0\" \"$@\"; do printf '[%s]\\n' \"$a\"; done";

    Recorder child = Recorder.run(launcher, Spawns.command("sh", "-c", printEachArgument,
        "zero", "a b", "it's", "\"quoted\"", "", "$HOME", "*", "  padded  "));

    assertThat(child.stdout()).isEqualTo("[zero]\n[a b]\n[it's]\n[\"quoted\"]\n[]\n[$HOME]\n[*]\n[  padded  ]\n");
  }

  @Test
  void environmentIsExactlyTheGivenMap() throws Exception {
    Recorder child = Recorder.run(launcher, Spawns.command("env").env(Map.of("A", "1", "SPACED", "x y", "EMPTY", "")));

    assertThat(child.stdout().lines()).containsExactlyInAnyOrder("A=1", "SPACED=x y", "EMPTY=");
  }

  @Test
  void environmentIsExactlyTheGivenMapThroughTheUmaskShell() throws Exception {
    Recorder child = Recorder.run(launcher, Spawns.command("/usr/bin/env").env(Map.of("A", "1")).umask(022));

    assertThat(child.stdout()).isEqualTo("A=1\n");
  }

  @Test
  void environmentIsExactlyTheGivenMapThroughTheArgv0Shell() throws Exception {
    Map<String, String> env = Map.of("A", "1", "PWD", "/elsewhere", "SHLVL", "3");

    Recorder child = Recorder.run(launcher, Spawns.command("env").env(env).umask(022));

    assertThat(child.stdout().lines()).containsExactlyInAnyOrder("A=1", "PWD=/elsewhere", "SHLVL=3");
  }

  @Test
  void bareProgramNamesAreLookedUpInTheChildsPath() throws Exception {
    Path bin = Files.createDirectory(dir.resolve("bin"));
    executable(bin.resolve("greet"), "#!/bin/sh\necho greetings\n");

    Recorder child = Recorder.run(launcher, Spawns.command("greet").env(Map.of("PATH", "/nonexistent:" + bin)));

    assertThat(child.stdout()).isEqualTo("greetings\n");
  }

  @Test
  void childRunsInTheWorkingDirectory() throws Exception {
    Recorder child = Recorder.run(launcher, Spawns.command("pwd").workingDir(dir.toString()));

    assertThat(child.stdout()).isEqualTo(dir.toRealPath() + "\n");
  }

  @Test
  void relativeProgramPathIsResolvedInTheWorkingDirectory() throws Exception {
    executable(dir.resolve("tool"), "#!/bin/sh\necho tool ran\n");

    Recorder child = Recorder.run(launcher, Spawns.command("./tool").workingDir(dir.toString()));

    assertThat(child.stdout()).isEqualTo("tool ran\n");
  }

  @Test
  void umaskIsApplied() throws Exception {
    Recorder child = Recorder.run(launcher, Spawns.shell("umask").umask(0027));

    assertThat(child.stdout()).isEqualTo("0027\n");
  }

  @Test
  void explicitExecutableRunsWithTheGivenArgv0() throws Exception {
    assertArgv0Kept(Spawns.command("renamed-sleeper", "30").executable("sleep"));
  }

  @Test
  void argv0IsKeptThroughTheWrapperTools() throws Exception {
    assertArgv0Kept(Spawns.command("renamed-sleeper", "30").executable("sleep").umask(022).rlimit("nofile", 512L));
  }

  private static void assertArgv0Kept(Spawns spawn) throws Exception {
    Recorder recorder = new Recorder();
    ChildProcess child = launcher.spawn(spawn.request(), recorder);

    await().atMost(Duration.ofSeconds(10)).until(() -> TestFds.cmdline(child.pid()),
        argv -> argv.equals(List.of("renamed-sleeper", "30")));
    assertThat(Files.readSymbolicLink(Path.of("/proc", Integer.toString(child.pid()), "exe")).getFileName())
        .hasToString("sleep");
    child.signal(Signals.SIGKILL);
    recorder.awaitExit();
  }

  static void executable(Path file, String content) throws Exception {
    Files.writeString(file, content);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }
}
