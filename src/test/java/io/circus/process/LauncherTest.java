package io.circus.process;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Base of the tests that spawn real children: one launcher per test class, closed after it. */
abstract class LauncherTest {

  static NativeProcessLauncher launcher;

  @BeforeAll
  static void startLauncher() {
    launcher = new NativeProcessLauncher();
  }

  @AfterAll
  static void closeLauncher() {
    launcher.close();
  }
}
