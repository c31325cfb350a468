package io.circus.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class IniParserTest {

  private static IniDocument parse(String text) {
    return IniDocument.merge("main.ini", IniParser.parse(text, "main.ini"), List.of());
  }

  private static String value(IniDocument doc, String section, String key) {
    return doc.section(section).orElseThrow().option(key).orElseThrow().value();
  }

  private static List<ConfigError> errors(String text) {
    ConfigException[] caught = new ConfigException[1];
    assertThatThrownBy(() -> IniParser.parse(text, "bad.ini"))
        .isInstanceOfSatisfying(ConfigException.class, e -> caught[0] = e);
    return caught[0].errors();
  }

  @Test
  void equalsAndColonBothSeparateKeyFromValue() {
    IniDocument doc = parse("[s]\na = 1\nb: 2\nc=3\nurl = tcp://127.0.0.1:5555\n");
    assertThat(value(doc, "s", "a")).isEqualTo("1");
    assertThat(value(doc, "s", "b")).isEqualTo("2");
    assertThat(value(doc, "s", "c")).isEqualTo("3");
    assertThat(value(doc, "s", "url")).isEqualTo("tcp://127.0.0.1:5555");
  }

  @Test
  void whitespaceAroundKeysAndValuesIsTrimmed() {
    assertThat(parse("[s]\n  key   =   some value  \t\n").section("s").orElseThrow().options().get(0))
        .extracting(IniOption::key, IniOption::value).containsExactly("key", "some value");
  }

  @Test
  void emptyValueAndTwoDoubleQuotesMeanTheEmptyString() {
    IniDocument doc = parse("[s]\na =\nb = \"\"\n");
    assertThat(value(doc, "s", "a")).isEmpty();
    assertThat(value(doc, "s", "b")).isEmpty();
  }

  @Test
  void commentLinesStartWithHashSemicolonOrRem() {
    IniDocument doc = parse("# one\n; two\n[s]\n#a = 1\n;b = 2\nrem c = 3\nREM\nd = 4\n");
    assertThat(doc.section("s").orElseThrow().options()).extracting(IniOption::key).containsExactly("d");
  }

  @Test
  void semicolonAfterABlankStartsAnInlineComment() {
    IniDocument doc = parse("[s]\na = x ; note\nb = x;y\nc = x;y ; note\n");
    assertThat(value(doc, "s", "a")).isEqualTo("x");
    assertThat(value(doc, "s", "b")).isEqualTo("x;y");
    assertThat(value(doc, "s", "c")).isEqualTo("x;y");
  }

  @Test
  void hashIsNeverAnInlineComment() {
    assertThat(value(parse("[s]\nargs = -q  # invalid option\n"), "s", "args")).isEqualTo("-q  # invalid option");
  }

  @Test
  void indentedLinesContinueTheValueJoinedByNewlines() {
    IniDocument doc = parse("[s]\nargs = --one\n  --two\n\n    --three\nnext = 1\n");
    assertThat(value(doc, "s", "args")).isEqualTo("--one\n--two\n--three");
    assertThat(value(doc, "s", "next")).isEqualTo("1");
  }

  @Test
  void anIndentedHashLineIsAContinuation() {
    assertThat(value(parse("[s]\nargs = a\n  # b\n"), "s", "args")).isEqualTo("a\n# b");
  }

  @Test
  void commentLinesDoNotEndAContinuation() {
    assertThat(value(parse("[s]\nargs = a\n# comment\n  b\n"), "s", "args")).isEqualTo("a\nb");
  }

  @Test
  void sectionAndOptionNamesAreCaseSensitive() {
    IniDocument doc = parse("[Watcher:x]\nNumProcesses = 2\n[watcher:x]\nnumprocesses = 3\n");
    assertThat(doc.sections()).extracting(IniSection::name).containsExactly("Watcher:x", "watcher:x");
    assertThat(value(doc, "Watcher:x", "NumProcesses")).isEqualTo("2");
    assertThat(doc.section("Watcher:x").orElseThrow().option("numprocesses")).isEmpty();
  }

  @Test
  void firstValueOfARepeatedKeyWins() {
    assertThat(value(parse("[s]\na = 1\na = 2\n"), "s", "a")).isEqualTo("1");
  }

  @Test
  void aRepeatedSectionAddsKeysAndKeepsFirstValues() {
    IniDocument doc = parse("[s]\na = 1\n[t]\nx = 0\n[s]\na = 2\nb = 3\n");
    assertThat(doc.sections()).extracting(IniSection::name).containsExactly("s", "t");
    assertThat(value(doc, "s", "a")).isEqualTo("1");
    assertThat(value(doc, "s", "b")).isEqualTo("3");
  }

  @Test
  void defaultValuesAreInheritedUnlessSet() {
    IniDocument doc = parse("[DEFAULT]\nnumprocesses = 2\nx = 1\n[s]\nx = 9\n");
    IniSection s = doc.section("s").orElseThrow();
    assertThat(doc.inherited(s)).extracting(IniOption::key, IniOption::value).containsExactly(
        org.assertj.core.groups.Tuple.tuple("numprocesses", "2"));
  }

  @Test
  void optionsKeepFileAndLine() {
    IniOption o = parse("\n[s]\n\na = 1\n").section("s").orElseThrow().options().get(0);
    assertThat(o.file()).isEqualTo("main.ini");
    assertThat(o.line()).isEqualTo(4);
  }

  @Test
  void sectionHeaderMayBeFollowedByAComment() {
    assertThat(parse("[s] ; main\na = 1\n").section("s")).isPresent();
  }

  @Test
  void windowsLineEndsAreAccepted() {
    assertThat(value(parse("[s]\r\na = 1\r\n"), "s", "a")).isEqualTo("1");
  }

  @Test
  void everyBadLineIsReportedWithItsNumber() {
    List<ConfigError> errors = errors("[s]\na = 1\njust words\nb = 2\n= nokey\n[]\n");
    assertThat(errors).extracting(ConfigError::file).containsOnly("bad.ini");
    assertThat(errors).extracting(ConfigError::value).containsExactly("just words", "= nokey", "[]");
    assertThat(errors).extracting(ConfigError::expected)
        .allMatch(e -> e.contains("a section header [name], an option 'key = value' or a comment"))
        .anyMatch(e -> e.startsWith("line 3:")).anyMatch(e -> e.startsWith("line 5:")).anyMatch(e -> e.startsWith("line 6:"));
  }

  @Test
  void anOptionBeforeAnySectionIsAnError() {
    assertThat(errors("a = 1\n[s]\nb = 2\n")).singleElement().satisfies(e -> {
      assertThat(e.expected()).startsWith("line 1:").contains("before any section header");
      assertThat(e.value()).isEqualTo("a = 1");
    });
  }

  @Test
  void textAfterASectionHeaderIsAnError() {
    assertThat(errors("[s] cmd = x\n")).singleElement()
        .satisfies(e -> assertThat(e.expected()).contains("nothing but a comment may follow a section header"));
  }
}
