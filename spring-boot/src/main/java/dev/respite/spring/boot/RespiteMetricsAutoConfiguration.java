package dev.respite.spring.boot;

import dev.respite.RedisDataSource;
import dev.respite.metrics.RespiteMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * When a {@link MeterRegistry} exists, publishes the data source's commands and pool with the OpenTelemetry
 * meter names of {@code driver-metrics}; histograms only with {@code respite.metrics.percentile-histograms}.
 */
@AutoConfiguration(after = RespiteAutoConfiguration.class, afterName = {
    "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
    "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
    "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"})
@ConditionalOnClass({MeterRegistry.class, RespiteMetrics.class, RedisDataSource.class})
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnSingleCandidate(RedisDataSource.class)
@EnableConfigurationProperties(RespiteProperties.class)
public final class RespiteMetricsAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  RespiteMeterBinder respiteMeterBinder(RedisDataSource dataSource, RespiteProperties properties) {
    return new RespiteMeterBinder(dataSource, properties.getMetrics().isPercentileHistograms());
  }
}
