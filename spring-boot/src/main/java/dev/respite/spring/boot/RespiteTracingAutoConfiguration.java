package dev.respite.spring.boot;

import dev.respite.RedisDataSource;
import dev.respite.metrics.RespiteTracing;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;

/**
 * When an {@link ObservationRegistry} exists (Boot makes one with Actuator and Micrometer Tracing), observes
 * every command, pipeline and transaction of the data source as a child of the request's observation:
 * {@link RespiteTracing}, with the OpenTelemetry database attributes and never a key or value.
 */
@AutoConfiguration(after = RespiteAutoConfiguration.class, afterName = {
    "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration"})
@ConditionalOnClass({ObservationRegistry.class, RespiteTracing.class, RedisDataSource.class})
@ConditionalOnBean(ObservationRegistry.class)
@ConditionalOnSingleCandidate(RedisDataSource.class)
public final class RespiteTracingAutoConfiguration {

  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  RespiteTracing respiteTracing(RedisDataSource dataSource, ObservationRegistry registry) {
    return RespiteTracing.bind(dataSource, registry);
  }
}
