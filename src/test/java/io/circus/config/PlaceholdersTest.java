package io.circus.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {

  @Test
  void replacesBothFormsCaseInsensitively() {
    assertThat(Placeholders.replace("w$(circus.wid) ((CIRCUS.WID)) $(Circus.Env.Path)",
        Map.of("wid", 3, "env.path", "/bin"))).isEqualTo("w3 3 /bin");
  }

  @Test
  void keysMayHoldDotsAndDashes() {
    assertThat(Placeholders.replace("--fd $(circus.sockets.web-front.v2)", Map.of("sockets.web-front.v2", 5)))
        .isEqualTo("--fd 5");
  }

  @Test
  void unknownPlaceholdersStay() {
    assertThat(Placeholders.replace("$(circus.nope) ((circus.x)) $(other.wid)", Map.of("wid", 1)))
        .isEqualTo("$(circus.nope) ((circus.x)) $(other.wid)");
  }

  @Test
  void variablesKeyedInUpperCaseStillMatch() {
    assertThat(Placeholders.replace("$(circus.env.HOME)", Map.of("env.HOME", "/root"))).isEqualTo("/root");
  }

  @Test
  void deprecatedWidIsReplacedAsAWholeWord() {
    assertThat(Placeholders.replace("run $WID $WIDTH", Map.of("wid", 7))).isEqualTo("run 7 $WIDTH");
  }

  @Test
  void replacementTextIsTakenLiterally() {
    assertThat(Placeholders.replace("$(circus.env.x)", Map.of("env.x", "$1\\"))).isEqualTo("$1\\");
  }

  @Test
  void socketNamesAreFoundLowerCased() {
    assertThat(Placeholders.socketNames("a $(circus.sockets.Web) ((circus.sockets.x-y)) $(circus.wid)"))
        .containsExactly("web", "x-y");
  }
}
