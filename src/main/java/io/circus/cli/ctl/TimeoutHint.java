package io.circus.cli.ctl;

/** What circusctl adds after "Timed out.": why it usually happens and what to try. */
final class TimeoutHint {

  static final String TEXT = """

      circusctl got no answer in time. Usually one of these:

      1. No circusd listens at that endpoint. Check --endpoint (or use
         --config circus.ini to read it from circusd's configuration).
      2. circusd is busy with a long operation, typically one run with
         --waiting that stops processes gracefully. Raise --timeout.
      """;

  private TimeoutHint() {
  }
}
