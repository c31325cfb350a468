package io.circus.cli.ctl;

/**
 * Colours indented JSON for a terminal the way circusctl 0.19 does with pygments: keys bright
 * blue, strings yellow, numbers and {@code true/false/null} blue, punctuation plain.
 */
final class JsonColors {

  private static final String KEY = "\u001b[94m";
  private static final String STRING = "\u001b[33m";
  private static final String LITERAL = "\u001b[34m";
  private static final String RESET = "\u001b[39;49;00m";

  private JsonColors() {
  }

  static String colorize(String json) {
    StringBuilder out = new StringBuilder(json.length() * 2);
    int i = 0;
    while (i < json.length()) {
      char c = json.charAt(i);
      if (c == '"') {
        int end = endOfString(json, i);
        boolean key = json.startsWith(":", end);
        out.append(key ? KEY : STRING).append(json, i, end).append(RESET);
        i = end;
      } else if (Character.isLetterOrDigit(c) || c == '-') {
        int end = i;
        while (end < json.length() && (Character.isLetterOrDigit(json.charAt(end)) || "-+.".indexOf(json.charAt(end)) >= 0)) {
          end++;
        }
        out.append(LITERAL).append(json, i, end).append(RESET);
        i = end;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /** The index just after the string literal starting at {@code start}. */
  private static int endOfString(String json, int start) {
    int i = start + 1;
    while (i < json.length() && json.charAt(i) != '"') {
      i += json.charAt(i) == '\\' ? 2 : 1;
    }
    return Math.min(i + 1, json.length());
  }
}
