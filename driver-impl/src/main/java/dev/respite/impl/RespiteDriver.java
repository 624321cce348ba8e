package dev.respite.impl;

import dev.respite.RedisConfig;
import dev.respite.RedisDataSource;
import dev.respite.spi.RedisDriver;

/** The implementation {@link java.util.ServiceLoader} finds for {@link RedisDataSource#create}. */
public final class RespiteDriver implements RedisDriver {

  /** Called by {@link java.util.ServiceLoader}. */
  public RespiteDriver() {}

  /**
   * The driver's version, from the {@code Implementation-Version} of its jar's manifest; {@code "unknown"}
   * when the classes were not loaded from the released jar (an IDE, a build's class directories).
   */
  public static String version() {
    String version = RespiteDriver.class.getPackage().getImplementationVersion();
    return version == null ? "unknown" : version;
  }

  @Override
  public RedisDataSource createDataSource(RedisConfig config) {
    switch (config.topology()) {
      case SENTINEL:
        throw new UnsupportedOperationException("TODO(sentinel): SentinelDataSource"); // replaced by issue 13
      case CLUSTER:
        throw new UnsupportedOperationException("TODO(cluster): ClusterDataSource"); // replaced by issue 14
      default:
        return new RealRedisDataSource(config);
    }
  }
}
