package io.circus.daemon;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.net.SyslogAppender;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.joran.spi.JoranException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets up circusd's own log from {@code loglevel} / {@code logoutput} / {@code loggerconfig}
 * (or the command line's {@code --log-level} / {@code --log-output}): {@code -} is standard
 * output, {@code syslog://host:port?facility} a remote syslog over UDP, anything else a file
 * appended to. {@code loggerconfig} names a logback XML file that replaces all of this.
 */
public final class LogSetup {

  private static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss} circus[%property{pid}] [%level] %msg%n";
  private static final Map<String, Level> LEVELS = Map.of("debug", Level.DEBUG, "info", Level.INFO,
      "warning", Level.WARN, "warn", Level.WARN, "error", Level.ERROR, "critical", Level.ERROR);

  private LogSetup() {
  }

  /** Replaces the current logback set-up; throws IllegalArgumentException on a bad setting. */
  public static void apply(String level, String output, String loggerConfig) {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    if (loggerConfig != null && !loggerConfig.isBlank() && !loggerConfig.equals("default")) {
      applyXml(context, Path.of(loggerConfig));
      return;
    }
    Level rootLevel = LEVELS.get(level == null ? "info" : level.toLowerCase(Locale.ROOT));
    if (rootLevel == null) {
      throw new IllegalArgumentException("unknown log level '" + level + "' (expected debug, info, warning, error or critical)");
    }
    context.reset();
    context.putProperty("pid", Long.toString(ProcessHandle.current().pid()));
    Appender<ILoggingEvent> appender = appender(context, output == null ? "-" : output);
    appender.start();
    ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.WARN);
    root.addAppender(appender);
    context.getLogger("io.circus").setLevel(rootLevel);
    // Vert.x's launcher would log each start failure a second time, with its stack trace:
    // CircusdHooks reports them.
    context.getLogger("io.vertx.launcher.application").setLevel(Level.OFF);
  }

  private static Appender<ILoggingEvent> appender(LoggerContext context, String output) {
    if (output.equals("-")) {
      ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
      console.setContext(context);
      console.setEncoder(encoder(context));
      return console;
    }
    if (output.startsWith("syslog://")) {
      return syslog(context, URI.create(output));
    }
    FileAppender<ILoggingEvent> file = new FileAppender<>();
    file.setContext(context);
    file.setFile(output);
    file.setAppend(true);
    file.setEncoder(encoder(context));
    return file;
  }

  private static Appender<ILoggingEvent> syslog(LoggerContext context, URI uri) {
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("logoutput " + uri + ": only remote syslog (syslog://host[:port][?facility]) is supported");
    }
    SyslogAppender syslog = new SyslogAppender();
    syslog.setContext(context);
    syslog.setSyslogHost(uri.getHost());
    syslog.setPort(uri.getPort() > 0 ? uri.getPort() : 514);
    syslog.setFacility(uri.getQuery() == null ? "USER" : uri.getQuery().toUpperCase(Locale.ROOT));
    syslog.setSuffixPattern("circus[%property{pid}] [%level] %msg");
    return syslog;
  }

  private static PatternLayoutEncoder encoder(LoggerContext context) {
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(PATTERN);
    encoder.start();
    return encoder;
  }

  private static void applyXml(LoggerContext context, Path file) {
    if (!Files.isReadable(file)) {
      throw new IllegalArgumentException("loggerconfig '" + file + "' cannot be read");
    }
    context.reset();
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    try {
      configurator.doConfigure(file.toFile());
    } catch (JoranException e) {
      throw new IllegalArgumentException("loggerconfig '" + file + "' is not a valid logback configuration: " + e.getMessage(), e);
    }
  }
}
