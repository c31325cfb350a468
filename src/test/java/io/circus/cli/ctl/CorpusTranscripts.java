package io.circus.cli.ctl;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The cases of {@code corpus/circusctl-output.txt}: what real circusctl 0.19 printed (stdout,
 * stderr, exit status) for a command line. A section holding nothing is written there as one
 * empty line; lines starting with {@code "# "} are the capture's notes.
 */
final class CorpusTranscripts {

  record Transcript(String args, int status, String stdout, String stderr) {
  }

  private CorpusTranscripts() {
  }

  static List<Transcript> load() {
    String text;
    try (InputStream in = CorpusTranscripts.class.getResourceAsStream("/corpus/circusctl-output.txt")) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Transcript> transcripts = new ArrayList<>();
    for (String block : text.split("(?m)^=+\n")) {
      if (block.startsWith("$ circusctl")) transcripts.add(parse(block));
    }
    return transcripts;
  }

  private static Transcript parse(String block) {
    String args = block.substring("$ circusctl".length(), block.indexOf('\n')).strip();
    int status = Integer.parseInt(block.replaceAll("(?s).*?exit status: (\\d+).*", "$1"));
    String stdout = section(block, "--- stdout\n", "--- stderr\n");
    String stderr = section(block, "--- stderr\n", null);
    return new Transcript(args, status, stdout, stderr);
  }

  private static String section(String block, String start, String end) {
    int from = block.indexOf(start) + start.length();
    int to = end == null ? block.length() : block.indexOf(end);
    StringBuilder text = new StringBuilder();
    for (String line : block.substring(from, to).split("\n", -1)) {
      if (!line.startsWith("# ")) text.append(line).append('\n');
    }
    String section = text.substring(0, text.length() - 1);
    return section.equals("\n") ? "" : section;
  }
}
