package dev.respite.metrics;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags the observations of Redis commands; implement it to change them, or extend
 * {@link DefaultRedisObservationConvention}, and pass it to {@link RespiteTracing.Builder#convention}.
 */
public interface RedisObservationConvention extends ObservationConvention<RedisObservationContext> {
  @Override
  default boolean supportsContext(Observation.Context context) {
    return context instanceof RedisObservationContext;
  }
}
