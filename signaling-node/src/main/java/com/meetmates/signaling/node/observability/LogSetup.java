package com.meetmates.signaling.node.observability;

import ch.qos.logback.classic.ClassicConstants;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.joran.util.ConfigurationWatchListUtil;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * Makes Logback write the configured {@link LogFormat}. logback.xml already picks its appender from the
 * LOG_FORMAT environment variable; this also honours a LOG_FORMAT given in the node's configuration file, in
 * any case, by loading logback.xml again with that choice.
 */
public final class LogSetup {

  /** The variable logback.xml reads to pick its appender. */
  static final String FORMAT_PROPERTY = "LOG_FORMAT";

  private LogSetup() {
  }

  /** The file Logback was configured from: the one it watches, else the one named or found as it looks for it. */
  private static URL configurationOf(LoggerContext context) {
    URL watched = ConfigurationWatchListUtil.getMainWatchURL(context);
    if (watched != null) {
      return watched;
    }
    String named = System.getProperty(ClassicConstants.CONFIG_FILE_PROPERTY);
    if (named != null) {
      try {
        return Path.of(named).toUri().toURL();
      } catch (MalformedURLException | InvalidPathException e) {
        return null;
      }
    }
    return LogSetup.class.getClassLoader().getResource(ClassicConstants.AUTOCONFIG_FILE);
  }

  public static void use(LogFormat format) {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return;
    }
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    if (root.getAppender(format.appenderName()) != null) {
      return;
    }
    URL configuration = configurationOf(context);
    if (configuration == null) {
      return;
    }
    context.reset();
    context.putProperty(FORMAT_PROPERTY, format.appenderName());
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    try {
      configurator.doConfigure(configuration);
    } catch (JoranException e) {
      throw new IllegalStateException("cannot load the logging configuration " + configuration, e);
    }
  }
}
