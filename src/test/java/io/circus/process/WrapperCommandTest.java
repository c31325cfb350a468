package io.circus.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The command line that puts prlimit, setpriv and a shell in front of a program. */
class WrapperCommandTest {

  private static final Path SLEEP = Path.of("/usr/bin/sleep");

  @Test
  void withoutOptionsTheProgramRunsDirectly() throws Exception {
    ExecCommand command = WrapperCommand.wrap(SLEEP, List.of("sleep", "1"), Map.of(), null, null);

    assertThat(command).isEqualTo(new ExecCommand("/usr/bin/sleep", List.of("sleep", "1")));
  }

  @Test
  void limitsAreRaisedBeforePrivilegesDropThenTheUmaskIsSetAndArgv0Kept() throws Exception {
    Map<String, Long> rlimits = new LinkedHashMap<>();
    rlimits.put("nofile", 4096L);
    rlimits.put("core", null);

    ExecCommand command = WrapperCommand.wrap(SLEEP, List.of("sleep", "1"), rlimits, new Identity(65534, 65534), 027);

    assertThat(command.path()).isEqualTo(tool("prlimit"));
    assertThat(command.argv()).containsExactly(
        tool("prlimit"), "--nofile=4096:4096", "--core=unlimited:unlimited", "--",
        tool("setpriv"), "--reuid=65534", "--regid=65534", "--init-groups", "--",
        tool("bash"), "-c", "umask 0027 && exec -a \"$0\" \"$@\"", "sleep", "/usr/bin/sleep", "1");
  }

  @Test
  void aGroupAloneKeepsTheSupplementaryGroups() throws Exception {
    ExecCommand command = WrapperCommand.wrap(SLEEP, List.of("/usr/bin/sleep", "1"), Map.of(), new Identity(null, 65534), null);

    assertThat(command.argv()).containsExactly(
        tool("setpriv"), "--regid=65534", "--keep-groups", "--", "/usr/bin/sleep", "1");
  }

  @Test
  void aUmaskAloneNeedsOnlyShWhenArgv0IsThePath() throws Exception {
    ExecCommand command = WrapperCommand.wrap(SLEEP, List.of("/usr/bin/sleep", "1"), Map.of(), null, 022);

    assertThat(command.argv()).containsExactly(tool("sh"), "-c", "umask 0022 && exec \"$0\" \"$@\"", "/usr/bin/sleep", "1");
  }

  @Test
  void outOfRangeUmaskIsRefused() {
    assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(SpawnException.class,
        () -> WrapperCommand.wrap(SLEEP, List.of("sleep"), Map.of(), null, 01000)))
        .hasMessage("umask 512 is not in 0..0777");
  }

  private static String tool(String name) throws SpawnException {
    return ExecutableLookup.resolve(name, WrapperCommand.TOOLS_PATH, Path.of("/")).toString();
  }
}
