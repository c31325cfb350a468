package io.circus.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How /proc/PID/stat is read and how the figures are written, as Circus writes them. */
class ProcessFiguresTest {

  @Test
  void aStatLineIsReadAfterTheLastParenthesisOfTheName() {
    String stat = "4242 (my (odd) name) S 1 4242 4242 0 -1 4194304 132 0 0 0 250 50 0 0 20 5 1 0 172290 3133440 412 "
        + "18446744073709551615 0 0";

    ProcStat parsed = ProcStat.parse(stat);

    assertThat(parsed).isEqualTo(new ProcStat("my (odd) name", 300, 5, 172290, 3133440, 412));
  }

  @Test
  void bytesAreWrittenWithTheLargestUnitAndTwoDecimalsRoundedAsPythonRounds() {
    assertThat(HumanFormat.bytes(512)).isEqualTo("512B");
    assertThat(HumanFormat.bytes(1454)).isEqualTo("1.42K");
    assertThat(HumanFormat.bytes(128544768)).isEqualTo("122.59M");
    // Exact binary ties go to the even digit, as Python's '%.2f' does (String.format would say 1.13K).
    assertThat(HumanFormat.bytes(1152)).isEqualTo("1.12K");
    assertThat(HumanFormat.bytes(1408)).isEqualTo("1.38K");
    assertThat(HumanFormat.bytes(3L << 30)).isEqualTo("3.00G");
  }

  @Test
  void cpuTimeKeepsCircusQuirks() {
    assertThat(HumanFormat.cpuTime(0)).isEqualTo("0:00.0");
    assertThat(HumanFormat.cpuTime(5_000)).isEqualTo("0:00.50");
    assertThat(HumanFormat.cpuTime(65_500_000)).isEqualTo("1:05.50");
    assertThat(HumanFormat.cpuTime(3_725_120_000L)).as("hours dropped").isEqualTo("2:05.12");
  }
}
