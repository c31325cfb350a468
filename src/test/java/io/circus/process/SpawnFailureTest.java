package io.circus.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What cannot be started is a SpawnException with the OS error and a message naming the culprit. */
class SpawnFailureTest extends LauncherTest {

  private static final int ENOEXEC = 8;

  @TempDir
  Path dir;

  @Test
  void missingProgramIsEnoent() {
    SpawnException e = failure(Spawns.command("no-such-program", "x"));

    assertThat(e.errno()).isEqualTo(LibC.ENOENT);
    assertThat(e).hasMessage("cannot start 'no-such-program': No such file or directory (searched PATH /usr/bin:/bin)");
  }

  @Test
  void missingProgramPathIsEnoent() {
    SpawnException e = failure(Spawns.command("/nonexistent/program"));

    assertThat(e.errno()).isEqualTo(LibC.ENOENT);
    assertThat(e).hasMessage("cannot start '/nonexistent/program': No such file or directory");
  }

  @Test
  void nonExecutableFileIsEacces() throws Exception {
    Path script = Files.writeString(dir.resolve("script"), "echo hi\n");

    SpawnException e = failure(Spawns.command(script.toString()));

    assertThat(e.errno()).isEqualTo(LibC.EACCES);
    assertThat(e).hasMessage("cannot start '" + script + "': Permission denied");
  }

  @Test
  void pathSearchFindingOnlyNonExecutableFilesIsEacces() throws Exception {
    Files.writeString(dir.resolve("tool"), "echo hi\n");

    SpawnException e = failure(Spawns.command("tool").env(Map.of("PATH", dir.toString())));

    assertThat(e.errno()).isEqualTo(LibC.EACCES);
    assertThat(e).hasMessageContaining("'tool': Permission denied");
  }

  @Test
  void directoryIsEacces() {
    SpawnException e = failure(Spawns.command(dir.toString()));

    assertThat(e.errno()).isEqualTo(LibC.EACCES);
  }

  @Test
  void execFailureReportedByPosixSpawnIsASpawnException() throws Exception {
    Path garbage = dir.resolve("garbage");
    SpawnSetupTest.executable(garbage, "\u007fnot an executable format");

    SpawnException e = failure(Spawns.command(garbage.toString()));

    assertThat(e.errno()).isEqualTo(ENOEXEC);
    assertThat(e).hasMessage("cannot start '" + garbage + "': Exec format error");
  }

  @Test
  void missingWorkingDirectoryIsEnoentNamingIt() {
    SpawnException e = failure(Spawns.command("true").workingDir(dir.resolve("gone").toString()));

    assertThat(e.errno()).isEqualTo(LibC.ENOENT);
    assertThat(e).hasMessage("working directory '" + dir.resolve("gone") + "': No such file or directory");
  }

  @Test
  void unknownUserOrGroupIsNamed() {
    assertThat(failure(Spawns.command("true").user("no-such-user"))).hasMessage("unknown user 'no-such-user'")
        .extracting(SpawnException::errno).isEqualTo(0);
    assertThat(failure(Spawns.command("true").user("3999999999"))).hasMessage("unknown user '3999999999'");
    assertThat(failure(Spawns.command("true").group("no-such-group"))).hasMessage("unknown group 'no-such-group'");
  }

  @Test
  void unknownRlimitIsEinval() {
    SpawnException e = failure(Spawns.command("true").rlimit("nofiles", 10L));

    assertThat(e.errno()).isEqualTo(LibC.EINVAL);
    assertThat(e).hasMessageStartingWith("unknown rlimit 'nofiles', expected one of [as, core,");
  }

  @Test
  void closedDescriptorToPassIsEbadf() {
    SpawnException e = failure(Spawns.command("true").passFds(999_999));

    assertThat(e.errno()).isEqualTo(LibC.EBADF);
    assertThat(e).hasMessage("cannot start 'true': descriptor 999999 passed as fd 3 is not open in circusd");
  }

  @Test
  void spawnAfterCloseIsRefused() {
    NativeProcessLauncher closed = new NativeProcessLauncher();
    closed.close();

    Throwable e = catchThrowableOfType(IllegalStateException.class,
        () -> closed.spawn(Spawns.command("true").request(), new Recorder()));

    assertThat(e).hasMessage("the process launcher is closed");
  }

  private static SpawnException failure(Spawns spawn) {
    return catchThrowableOfType(SpawnException.class, () -> launcher.spawn(spawn.request(), new Recorder()));
  }
}
