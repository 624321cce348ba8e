package dev.respite.spring.boot;

import dev.respite.RedisDataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The {@code respite} health contributor, when Boot's health support (Actuator) is on the class path; turned
 * off with {@code management.health.respite.enabled=false}.
 */
@AutoConfiguration(after = RespiteAutoConfiguration.class)
@ConditionalOnClass({HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class, RedisDataSource.class})
@ConditionalOnSingleCandidate(RedisDataSource.class)
@ConditionalOnEnabledHealthIndicator("respite")
@EnableConfigurationProperties(RespiteProperties.class)
public final class RespiteHealthContributorAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean(name = "respiteHealthIndicator")
  HealthIndicator respiteHealthIndicator(RedisDataSource dataSource, RespiteProperties properties) {
    return new RespiteHealthIndicator(dataSource, properties.getHealth().getTimeout());
  }
}
