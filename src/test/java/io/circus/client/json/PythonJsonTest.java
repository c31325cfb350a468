package io.circus.client.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** JSON read and written as Python's json module does, floats as Python's repr. */
class PythonJsonTest {

  @ParameterizedTest(name = "repr({0}) = {1}")
  @CsvSource({"5.0, 5.0", "1795420391.5315154, 1795420391.5315154", "0.1, 0.1", "2.5, 2.5", "0.0001, 0.0001",
      "0.00001, 1e-05", "1e16, 1e+16", "1e15, 1000000000000000.0", "123456789012345678, 1.2345678901234568e+17",
      "-0.5, -0.5", "-0.0, -0.0", "0.3, 0.3", "1e-7, 1e-07", "1.5e300, 1.5e+300", "100.0, 100.0"})
  void floatsAreWrittenAsPythonRepr(double value, String repr) {
    assertThat(PythonFloat.repr(value)).isEqualTo(repr);
  }

  @Test
  void floatsOfEveryMagnitudeAreWrittenAsPythonWritesThem() throws IOException {
    List<String> lines;
    try (InputStream in = PythonJsonTest.class.getResourceAsStream("python-repr.txt")) {
      lines = new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines().filter(l -> !l.startsWith("#")).toList();
    }

    assertThat(lines).hasSizeGreaterThan(2000).allSatisfy(line -> {
      String[] pair = line.split(" ");
      assertThat(PythonFloat.repr(Double.parseDouble(pair[0]))).as(pair[0]).isEqualTo(pair[1]);
    });
  }

  @Test
  void specialFloats() {
    assertThat(PythonFloat.repr(Double.NaN)).isEqualTo("nan");
    assertThat(PythonFloat.repr(Double.NEGATIVE_INFINITY)).isEqualTo("-inf");
    assertThat(JsonWriter.compact(new JsonArray().add(Double.NaN).add(Double.POSITIVE_INFINITY)))
        .isEqualTo("[NaN, Infinity]");
  }

  @Test
  void compactIsJsonDumps() {
    JsonObject value = new JsonObject().put("command", "set").put("properties", new JsonObject().put("name", "caf\u00e9 \"x\"")
        .put("options", new JsonObject().put("graceful_timeout", 4.0).put("send_hup", false).put("env", new JsonObject())))
        .put("list", new JsonArray().add(1).add(null).add("a\nb\u0001"));
    assertThat(JsonWriter.compact(value)).isEqualTo("{\"command\": \"set\", \"properties\": {\"name\": \"caf\\u00e9 \\\"x\\\"\", "
        + "\"options\": {\"graceful_timeout\": 4.0, \"send_hup\": false, \"env\": {}}}, \"list\": [1, null, \"a\\nb\\u0001\"]}");
  }

  @Test
  void indentedIsJsonDumpsWithIndentTwoAndSortedKeys() {
    JsonObject value = new JsonObject().put("status", "ok").put("empty", new JsonArray())
        .put("statuses", new JsonObject().put("web", "active").put("db", "stopped"));
    assertThat(JsonWriter.indented(value)).isEqualTo("""
        {
          "empty": [],
          "status": "ok",
          "statuses": {
            "db": "stopped",
            "web": "active"
          }
        }""");
  }

  @Test
  void readingKeepsKeyOrderAndPythonNumbers() {
    JsonObject value = JsonReader.parseObject(
        "{\"b\": 1, \"a\": [2147483648, 99999999999999999999, 1.5, -2e3, NaN, -Infinity, true, null], \"s\": \"\\u00e9\\n\"}");
    assertThat(value.fieldNames()).containsExactly("b", "a", "s");
    assertThat(value.getJsonArray("a").getList()).containsExactly(2147483648L, new BigInteger("99999999999999999999"),
        1.5, -2000.0, Double.NaN, Double.NEGATIVE_INFINITY, true, null);
    assertThat(value.getInteger("b")).isEqualTo(1);
    assertThat(value.getString("s")).isEqualTo("\u00e9\n");
  }

  @Test
  void aRepeatedKeyKeepsItsFirstPlaceAndLastValue() {
    assertThat(JsonWriter.compact(JsonReader.parse("{\"a\": 1, \"b\": 2, \"a\": 3}"))).isEqualTo("{\"a\": 3, \"b\": 2}");
  }

  @Test
  void invalidJsonIsRefusedWithWhereItWentWrong() {
    assertThatThrownBy(() -> JsonReader.parse("{\"a\": }")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at character 6");
    assertThatThrownBy(() -> JsonReader.parse("[1] x")).hasMessageContaining("extra data");
    assertThatThrownBy(() -> JsonReader.parseObject("[1]")).hasMessageContaining("expected a JSON object");
  }
}
