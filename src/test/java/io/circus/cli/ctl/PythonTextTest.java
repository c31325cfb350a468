package io.circus.cli.ctl;

import static org.assertj.core.api.Assertions.assertThat;

import io.circus.client.json.JsonReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Values printed as Python prints them. */
class PythonTextTest {

  @Test
  void strOfDecodedJsonValues() {
    assertThat(PythonText.str(JsonReader.parse("true"))).isEqualTo("True");
    assertThat(PythonText.str(JsonReader.parse("null"))).isEqualTo("None");
    assertThat(PythonText.str(JsonReader.parse("5.0"))).isEqualTo("5.0");
    assertThat(PythonText.str(JsonReader.parse("\"plain\""))).isEqualTo("plain");
    assertThat(PythonText.str(JsonReader.parse("[\"-D\", 1, null, false]"))).isEqualTo("['-D', 1, None, False]");
    assertThat(PythonText.str(JsonReader.parse("{\"filename\": \"x\", \"n\": {\"a\": []}}")))
        .isEqualTo("{'filename': 'x', 'n': {'a': []}}");
  }

  @Test
  void reprQuotesAndEscapesAsPython() {
    assertThat(PythonText.repr("it's")).isEqualTo("\"it's\"");
    assertThat(PythonText.repr("say \"hi\"")).isEqualTo("'say \"hi\"'");
    assertThat(PythonText.repr("both ' and \"")).isEqualTo("'both \\' and \"'");
    assertThat(PythonText.repr("tab\there\\ \u0001 caf\u00e9 \u00a0")).isEqualTo("'tab\\there\\\\ \\x01 caf\u00e9 \\xa0'");
  }

  @Test
  void bytesAsPythonBytesRepr() {
    assertThat(PythonText.bytesRepr("{\"time\": 1.5}".getBytes(StandardCharsets.UTF_8))).isEqualTo("b'{\"time\": 1.5}'");
    assertThat(PythonText.bytesRepr("it's caf\u00e9\n".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("b\"it's caf\\xc3\\xa9\\n\"");
  }
}
