package dev.respite.spring.boot;

import dev.respite.RedisDataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * A {@link RedisDataSource} from the {@code respite.*} properties (or a service connection), closed with the
 * context. Backs off when the application defines its own {@link RedisDataSource}.
 */
@AutoConfiguration
@ConditionalOnClass(RedisDataSource.class)
@EnableConfigurationProperties(RespiteProperties.class)
public final class RespiteAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean(RespiteConnectionDetails.class)
  RespiteConnectionDetails respiteConnectionDetails(RespiteProperties properties) {
    return new PropertiesRespiteConnectionDetails(properties);
  }

  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean(RedisDataSource.class)
  RedisDataSource redisDataSource(RespiteProperties properties, RespiteConnectionDetails connectionDetails) {
    return RedisDataSource.create(RedisConfigFromProperties.build(properties, connectionDetails));
  }
}
