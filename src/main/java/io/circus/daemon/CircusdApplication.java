package io.circus.daemon;

import io.vertx.launcher.application.VertxApplication;

/**
 * Vert.x's application launcher, told to hand failures back instead of printing its usage and
 * exiting: circusd reports its own errors and chooses its own exit status.
 */
final class CircusdApplication extends VertxApplication {

  CircusdApplication(String[] args, CircusdHooks hooks) {
    super(args, hooks, false, false);
  }
}
