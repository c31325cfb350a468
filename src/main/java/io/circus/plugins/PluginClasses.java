package io.circus.plugins;

import io.circus.config.PluginSpec;
import java.lang.reflect.Constructor;
import java.util.Map;

/**
 * Finds the class a plugin's {@code use} names and makes instances of it. The bundled plugins
 * also answer to their Circus names ({@code circus.plugins.flapping.Flapping}, ...), so a
 * circus.ini written for Circus 0.19 works unchanged.
 */
public final class PluginClasses {

  private static final String BUNDLED = "io.circus.plugins.bundled.";
  private static final Map<String, String> CIRCUS_NAMES = Map.of(
      "circus.plugins.flapping.Flapping", BUNDLED + "Flapping",
      "circus.plugins.statsd.StatsdEmitter", BUNDLED + "StatsdEmitter",
      "circus.plugins._statsd.StatsdEmitter", BUNDLED + "StatsdEmitter",
      "circus.plugins.statsd.FullStats", BUNDLED + "FullStats",
      "circus.plugins.resource_watcher.ResourceWatcher", BUNDLED + "ResourceWatcher",
      "circus.plugins.watchdog.WatchDog", BUNDLED + "WatchDog",
      "circus.plugins.http_observer.HttpObserver", BUNDLED + "HttpObserver",
      "circus.plugins.command_reloader.CommandReloader", BUNDLED + "CommandReloader",
      "circus.plugins.redis_observer.RedisObserver", BUNDLED + "RedisObserver");

  private PluginClasses() {
  }

  /** The Java class name {@code use} stands for: a Circus name's bundled class, or itself. */
  public static String javaName(String use) {
    return CIRCUS_NAMES.getOrDefault(use.strip(), use.strip());
  }

  /**
   * A new instance of the plugin class {@code use} names.
   *
   * @throws IllegalArgumentException saying what is wrong: no such class, not a CircusPlugin, no
   *     public no-argument constructor, or a constructor that fails
   */
  public static CircusPlugin instantiate(String use) {
    String className = javaName(use);
    Class<?> type;
    try {
      type = Class.forName(className, true, loader());
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalArgumentException("a plugin class on circusd's class path (extending " + CircusPlugin.class.getName()
          + ") or a bundled plugin's Circus name: " + className + " cannot be loaded (" + e + ")");
    }
    if (!CircusPlugin.class.isAssignableFrom(type)) {
      throw new IllegalArgumentException("a class extending " + CircusPlugin.class.getName() + ": " + className + " does not");
    }
    try {
      Constructor<?> constructor = type.getConstructor();
      return (CircusPlugin) constructor.newInstance();
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException("a plugin class with a public no-argument constructor: " + className + " has none");
    } catch (ReflectiveOperationException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new IllegalArgumentException("a plugin class that can be created: new " + className + "() failed with " + cause);
    }
  }

  /**
   * Checks that a configured plugin can run: its class, then its options, read by a throw-away
   * instance.
   *
   * @throws PluginOptionException for an option the plugin refuses
   * @throws IllegalArgumentException for a class that cannot be used
   */
  public static void check(PluginSpec spec) {
    CircusPlugin plugin = instantiate(spec.use());
    plugin.setUp(spec.name(), new PluginOptions(spec.options()), null, e -> { });
  }

  private static ClassLoader loader() {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return context != null ? context : PluginClasses.class.getClassLoader();
  }
}
