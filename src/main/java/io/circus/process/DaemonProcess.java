package io.circus.process;

/** Process-wide settings of circusd itself. */
public final class DaemonProcess {

  private DaemonProcess() {
  }

  /**
   * Sets circusd's umask ({@code [circus] umask}); children inherit it, as they do in Circus.
   * Returns the previous one.
   */
  public static int setUmask(int mask) {
    if (mask < 0 || mask > 0777) throw new IllegalArgumentException("umask must be between 0 and 0777, got " + Integer.toOctalString(mask));
    return LibC.umask(mask);
  }
}
