package io.circus.arbiter;

import java.lang.reflect.Constructor;

/** Finds the class a {@code hooks.NAME} option names and makes the {@link Hook} instance. */
public final class HookLoader {

  private HookLoader() {
  }

  /**
   * @throws IllegalArgumentException saying what is wrong with the class: missing, not a Hook, no
   *     public no-argument constructor, or failing in its constructor
   */
  public static Hook load(String className) {
    Class<?> type;
    try {
      type = Class.forName(className, true, loader());
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalArgumentException("a class on circusd's class path implementing " + Hook.class.getName()
          + ": " + className + " cannot be loaded (" + e + ")");
    }
    if (!Hook.class.isAssignableFrom(type)) {
      throw new IllegalArgumentException("a class implementing " + Hook.class.getName() + ": " + className + " does not");
    }
    try {
      Constructor<?> constructor = type.getConstructor();
      return (Hook) constructor.newInstance();
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException("a hook class with a public no-argument constructor: " + className + " has none");
    } catch (ReflectiveOperationException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new IllegalArgumentException("a hook class that can be created: new " + className + "() failed with " + cause);
    }
  }

  private static ClassLoader loader() {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return context != null ? context : HookLoader.class.getClassLoader();
  }
}
