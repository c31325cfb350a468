package io.circus.zmq;

import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Records what a class logs, so a test can wait for the bridge to have dealt with a message. */
final class LogCapture implements AutoCloseable {

  private final Logger logger;
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private final Level previousLevel;

  LogCapture(Class<?> source) {
    this(source, null);
  }

  /** Captures from {@code level} up (the configured level when null) until closed. */
  LogCapture(Class<?> source, Level level) {
    this.logger = (Logger) LoggerFactory.getLogger(source);
    this.previousLevel = logger.getLevel();
    if (level != null) {
      logger.setLevel(level);
    }
    appender.start();
    logger.addAppender(appender);
  }

  List<String> messages() {
    return events().stream().map(ILoggingEvent::getFormattedMessage).toList();
  }

  List<ILoggingEvent> events() {
    // AppenderBase appends under the appender's monitor.
    synchronized (appender) {
      return List.copyOf(appender.list);
    }
  }

  /** Waits until a logged message contains {@code text}, and returns it. */
  String awaitMessage(String text) {
    return await("a log message containing '" + text + "'").atMost(Duration.ofSeconds(10))
        .until(() -> messages().stream().filter(m -> m.contains(text)).findFirst().orElse(null), m -> m != null);
  }

  @Override
  public void close() {
    logger.detachAppender(appender);
    logger.setLevel(previousLevel);
  }
}
