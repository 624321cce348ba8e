package dev.respite.impl;

import dev.respite.RedisConfig;
import dev.respite.RedisDataSource;
import dev.respite.spi.RedisDriver;

/** The implementation {@link java.util.ServiceLoader} finds for {@link RedisDataSource#create}. */
public final class RespiteDriver implements RedisDriver {

  /** Called by {@link java.util.ServiceLoader}. */
  public RespiteDriver() {}

  @Override
  public RedisDataSource createDataSource(RedisConfig config) {
    return new RealRedisDataSource(config);
  }
}
