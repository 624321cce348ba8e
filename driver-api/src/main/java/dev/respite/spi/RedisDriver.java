package dev.respite.spi;

import dev.respite.RedisConfig;
import dev.respite.RedisDataSource;

/**
 * An implementation of Respite, found by {@link java.util.ServiceLoader} the way JDBC finds drivers.
 *
 * <p>Implementations list themselves in {@code META-INF/services/dev.respite.spi.RedisDriver}.
 */
public interface RedisDriver {

  /** Creates a data source, with its pool, for a validated configuration. */
  RedisDataSource createDataSource(RedisConfig config);
}
