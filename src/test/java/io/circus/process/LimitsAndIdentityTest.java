package io.circus.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** rlimits and user/group changes, applied through prlimit and setpriv (these tests run as root). */
class LimitsAndIdentityTest extends LauncherTest {

  private static String nobodyUid;
  private static String nobodyGid;

  @BeforeAll
  static void findNobody() throws Exception {
    String[] nobody = Files.readAllLines(Path.of("/etc/passwd")).stream()
        .filter(line -> line.startsWith("nobody:")).findFirst().orElseThrow().split(":");
    nobodyUid = nobody[2];
    nobodyGid = nobody[3];
  }

  @Test
  void nofileLimitIsApplied() throws Exception {
    Recorder child = Recorder.run(launcher, Spawns.shell("ulimit -Sn; ulimit -Hn").rlimit("nofile", 123L));

    assertThat(child.stdout()).isEqualTo("123\n123\n");
  }

  @Test
  void nullLimitMeansUnlimited() throws Exception {
    Recorder child = Recorder.run(launcher, Spawns.shell("ulimit -c").rlimit("core", null));

    assertThat(child.stdout()).isEqualTo("unlimited\n");
  }

  @Test
  void userChangesUidGidAndGroups() throws Exception {
    assumeRoot();

    Recorder child = Recorder.run(launcher, Spawns.shell("id -u; id -g; id -G").user("nobody"));

    assertThat(child.stdout()).isEqualTo(nobodyUid + "\n" + nobodyGid + "\n" + nobodyGid + "\n");
  }

  @Test
  void groupAloneChangesOnlyTheGid() throws Exception {
    assumeRoot();

    Recorder child = Recorder.run(launcher, Spawns.shell("id -u; id -g").group("nogroup"));

    assertThat(child.stdout()).isEqualTo("0\n65534\n");
  }

  @Test
  void numericUserAndGroupAreAccepted() throws Exception {
    assumeRoot();

    Recorder child = Recorder.run(launcher, Spawns.shell("id -u; id -g").user(nobodyUid).group("0"));

    assertThat(child.stdout()).isEqualTo(nobodyUid + "\n0\n");
  }

  @Test
  void limitsUserAndUmaskCombine() throws Exception {
    assumeRoot();

    Recorder child = Recorder.run(launcher,
        Spawns.shell("id -u; ulimit -n; umask").user("nobody").rlimit("nofile", 256L).umask(077));

    assertThat(child.stdout()).isEqualTo(nobodyUid + "\n256\n0077\n");
  }

  private static void assumeRoot() {
    assumeTrue("root".equals(System.getProperty("user.name")), "changing user needs root");
  }
}
