package io.circus.commands;

/** Circus's error numbers (SPEC.md §1.5). */
public final class Errno {

  public static final int INVALID_JSON = 1;
  public static final int UNKNOWN_COMMAND = 2;
  public static final int MESSAGE_ERROR = 3;
  public static final int OS_ERROR = 4;
  public static final int COMMAND_ERROR = 5;
  public static final int BAD_MSG_DATA = 6;

  private Errno() {
  }
}
