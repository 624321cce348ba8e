package dev.respite;

import dev.respite.spi.RedisDriver;
import java.util.Iterator;
import java.util.ServiceLoader;
import org.jspecify.annotations.Nullable;

/** Finds the {@link RedisDriver}, as {@code java.sql.DriverManager} finds JDBC drivers, and keeps it. */
final class DriverLocator {
  private static volatile @Nullable RedisDriver found;

  private DriverLocator() {}

  static RedisDriver driver() {
    RedisDriver driver = found;
    if (driver == null) {
      // Not cached on failure: a class path fixed at run time (a plugin loader) is seen on the next call.
      driver = load();
      found = driver;
    }
    return driver;
  }

  private static RedisDriver load() {
    RedisDriver driver = first(ServiceLoader.load(RedisDriver.class, DriverLocator.class.getClassLoader()));
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    if (driver == null && context != null) {
      driver = first(ServiceLoader.load(RedisDriver.class, context));
    }
    if (driver == null) {
      throw new RedisException("No Respite implementation on the class path: add the dependency "
          + "dev.respite:respite-driver-impl (it registers dev.respite.spi.RedisDriver with ServiceLoader)");
    }
    return driver;
  }

  private static @Nullable RedisDriver first(ServiceLoader<RedisDriver> loader) {
    Iterator<RedisDriver> drivers = loader.iterator();
    return drivers.hasNext() ? drivers.next() : null;
  }
}
