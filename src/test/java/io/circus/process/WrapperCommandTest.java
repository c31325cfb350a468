package io.circus.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The command line that puts prlimit, setpriv and a shell in front of a program. */
class WrapperCommandTest {

  private static final Path SLEEP = Path.of("/usr/bin/sleep");

  @Test
  void withoutOptionsTheProgramRunsDirectly() throws Exception {
    ExecCommand command = WrapperCommand.wrap(SLEEP, Spawns.command("sleep", "1").request(), null);

    assertThat(command).isEqualTo(new ExecCommand("/usr/bin/sleep", List.of("sleep", "1")));
  }

  @Test
  void limitsAreRaisedBeforePrivilegesDropThenTheUmaskIsSetAndArgv0Kept() throws Exception {
    SpawnRequest request = Spawns.command("sleep", "1").rlimit("nofile", 4096L).rlimit("core", null).umask(027)
        .request();

    ExecCommand command = WrapperCommand.wrap(SLEEP, request, new Identity(65534, 65534));

    assertThat(command.path()).isEqualTo(tool("prlimit"));
    assertThat(command.argv()).containsExactly(
        tool("prlimit"), "--nofile=4096:4096", "--core=unlimited:unlimited", "--",
        tool("setpriv"), "--reuid=65534", "--regid=65534", "--init-groups", "--",
        tool("bash"), "-c", "unset PWD && umask 0027 && exec -a \"$0\" \"$@\"", "sleep", "/usr/bin/sleep", "1");
  }

  @Test
  void aGroupAloneKeepsTheSupplementaryGroups() throws Exception {
    ExecCommand command = WrapperCommand.wrap(SLEEP, Spawns.command("/usr/bin/sleep", "1").request(),
        new Identity(null, 65534));

    assertThat(command.argv()).containsExactly(
        tool("setpriv"), "--regid=65534", "--keep-groups", "--", "/usr/bin/sleep", "1");
  }

  @Test
  void aUmaskAloneNeedsOnlyShWhenArgv0IsThePathAndTheShellKeepsTheRequestedPwd() throws Exception {
    SpawnRequest request = Spawns.command("/usr/bin/sleep", "1").umask(022).env(Map.of("PWD", "/it's")).request();

    ExecCommand command = WrapperCommand.wrap(SLEEP, request, null);

    assertThat(command.argv()).containsExactly(tool("sh"), "-c",
        "PWD='/it'\\''s' && umask 0022 && exec \"$0\" \"$@\"", "/usr/bin/sleep", "1");
  }

  @Test
  void outOfRangeUmaskIsRefused() {
    SpawnException e = catchThrowableOfType(SpawnException.class,
        () -> WrapperCommand.wrap(SLEEP, Spawns.command("sleep").umask(01000).request(), null));

    assertThat(e).hasMessage("umask 512 is not in 0..0777");
  }

  private static String tool(String name) throws SpawnException {
    return ExecutableLookup.resolve(name, WrapperCommand.TOOLS_PATH, Path.of("/")).toString();
  }
}
