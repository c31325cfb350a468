package io.circus.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** A user of this machine the tests run clients as (through setpriv, which needs root). */
public record OsUser(String name, long uid, long gid) {

  public static void assumeRoot() {
    Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
        "only root can give a file to another user or run a client as one: not tested as "
            + System.getProperty("user.name"));
  }

  /** Looks the user up with {@code id}. */
  public static OsUser lookup(String name) {
    return new OsUser(name, Long.parseLong(id("-u", name)), Long.parseLong(id("-g", name)));
  }

  /** The command prefix that runs a program as this user, with this user's group only. */
  public List<String> setpriv() {
    return List.of("setpriv", "--reuid=" + uid, "--regid=" + gid, "--clear-groups");
  }

  private static String id(String flag, String name) {
    try {
      Process id = new ProcessBuilder("id", flag, name).redirectErrorStream(true)
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
      String output;
      try (InputStream out = id.getInputStream()) {
        output = new String(out.readAllBytes(), StandardCharsets.UTF_8).strip();
      }
      assertThat(id.waitFor(10, TimeUnit.SECONDS)).isTrue();
      assertThat(id.exitValue()).as("id %s %s: %s", flag, name, output).isZero();
      return output;
    } catch (IOException e) {
      throw new AssertionError("cannot run id", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
