package io.circus.stream;

import io.circus.config.StreamSpec;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Makes the {@link CircusStream} a {@link StreamSpec} names: one of Circus's classes by its short
 * name, or a class of the user's by its fully qualified name, given the stream's own options
 * (without {@link StreamSpec#FEEDING_KEYS}).
 */
public final class StreamFactory {

  private static final Map<String, Function<Map<String, String>, CircusStream>> BUILTIN = Map.of(
      "FileStream", FileStream::new,
      "WatchedFileStream", WatchedFileStream::new,
      "TimedRotatingFileStream", TimedRotatingFileStream::new,
      "StdoutStream", StdoutStream::new,
      "FancyStdoutStream", FancyStdoutStream::new,
      "QueueStream", QueueStream::new);

  private StreamFactory() {
  }

  /**
   * @throws IllegalArgumentException when the class cannot be had or refuses its options
   */
  public static CircusStream create(StreamSpec spec) {
    Map<String, String> options = new LinkedHashMap<>(spec.options());
    StreamSpec.FEEDING_KEYS.forEach(options::remove);
    Function<Map<String, String>, CircusStream> builtin = BUILTIN.get(spec.className());
    return builtin != null ? builtin.apply(options) : custom(spec.className(), options);
  }

  /** True for Circus's own classes, named by their short names. */
  public static boolean isBuiltin(String className) {
    return BUILTIN.containsKey(className);
  }

  /**
   * The user's class named {@code className}, checked without creating one.
   *
   * @throws IllegalArgumentException naming what is wrong with it
   */
  public static Class<? extends CircusStream> customClass(String className) {
    Class<?> type;
    try {
      type = Class.forName(className, false, StreamFactory.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalArgumentException("no class " + className + " on circusd's class path");
    }
    if (!CircusStream.class.isAssignableFrom(type)) {
      throw new IllegalArgumentException(className + " does not implement " + CircusStream.class.getName());
    }
    if (constructor(type.asSubclass(CircusStream.class)) == null) {
      throw new IllegalArgumentException(className + " has no public constructor taking a Map<String, String> or nothing");
    }
    return type.asSubclass(CircusStream.class);
  }

  private static CircusStream custom(String className, Map<String, String> options) {
    Constructor<? extends CircusStream> constructor = constructor(customClass(className));
    try {
      return constructor.getParameterCount() == 1 ? constructor.newInstance(Map.copyOf(options)) : constructor.newInstance();
    } catch (InvocationTargetException e) {
      throw new IllegalArgumentException(className + " refused its options: " + e.getCause(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException(className + " cannot be created: " + e, e);
    }
  }

  private static Constructor<? extends CircusStream> constructor(Class<? extends CircusStream> type) {
    try {
      return type.getConstructor(Map.class);
    } catch (NoSuchMethodException e) {
      try {
        return type.getConstructor();
      } catch (NoSuchMethodException none) {
        return null;
      }
    }
  }
}
