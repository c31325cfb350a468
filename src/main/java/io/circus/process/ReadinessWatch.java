package io.circus.process;

import java.util.concurrent.CompletionStage;

/** A descriptor watched for input by {@link ProcessLauncher#watchReadable}. */
public interface ReadinessWatch {

  /**
   * Stops watching. The callback is not called from now on, unless it had already begun; the
   * stage completes once the launcher has closed its copy of the descriptor (so a listening
   * socket closed after that is really closed, and its address free).
   */
  CompletionStage<Void> cancel();
}
