package io.circus.cli.ctl;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * The line {@code stats} and {@code dstats} print for a process record:
 * {@code <pid>  <cmdline> <username> <nice> <mem_info1> <mem_info2> <cpu> <mem> <ctime>} (two
 * spaces after the pid).
 */
final class ProcessRecordLine {

  private static final String[] FIELDS = {"cmdline", "username", "nice", "mem_info1", "mem_info2", "cpu", "mem", "ctime"};

  private ProcessRecordLine() {
  }

  static String of(JsonObject record) {
    StringBuilder line = new StringBuilder(PythonText.str(record.getValue("pid"))).append(' ');
    for (String field : FIELDS) {
      line.append(' ').append(PythonText.str(record.getValue(field)));
    }
    return line.toString();
  }

  /** The records of a process's children ({@code children}), if any. */
  static List<JsonObject> children(JsonObject record) {
    List<JsonObject> children = new ArrayList<>();
    if (record.getValue("children") instanceof JsonArray array) {
      for (Object child : array) {
        if (child instanceof JsonObject object) children.add(object);
      }
    }
    return children;
  }
}
