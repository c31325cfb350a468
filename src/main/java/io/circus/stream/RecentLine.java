package io.circus.stream;

/** One line of a process's recent output, as {@code tail} shows it (decoded as UTF-8 for display). */
public record RecentLine(int pid, String stream, String text) {
}
