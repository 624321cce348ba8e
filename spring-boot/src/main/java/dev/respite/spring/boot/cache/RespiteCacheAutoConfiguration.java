package dev.respite.spring.boot.cache;

import dev.respite.RedisDataSource;
import dev.respite.spring.boot.RespiteAutoConfiguration;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.cache.metrics.CacheMeterBinderProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cache.CacheManager;
import org.springframework.cache.interceptor.CacheAspectSupport;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ClassUtils;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Respite's {@link CacheManager} when caching is enabled ({@code @EnableCaching}) and the application has none
 * of its own. Runs before Boot's cache auto-configuration, so it is the one used rather than Boot's in-memory
 * fallback; {@code respite.cache.enabled=false} hands caching back to Boot.
 */
@AutoConfiguration(after = RespiteAutoConfiguration.class,
    beforeName = "org.springframework.boot.cache.autoconfigure.CacheAutoConfiguration")
@ConditionalOnClass({CacheManager.class, RedisDataSource.class})
@ConditionalOnBean(CacheAspectSupport.class)
@ConditionalOnMissingBean(CacheManager.class)
@ConditionalOnSingleCandidate(RedisDataSource.class)
@ConditionalOnBooleanProperty(name = "respite.cache.enabled", matchIfMissing = true)
@EnableConfigurationProperties(RespiteCacheProperties.class)
public final class RespiteCacheAutoConfiguration {

  @Bean
  RespiteCacheManager cacheManager(RedisDataSource dataSource, CacheValueSerializer serializer,
      RespiteCacheProperties properties) {
    RespiteCacheSettings settings = new RespiteCacheSettings(properties.getTimeToLive(),
        properties.getKeyPrefix(), properties.isCacheNullValues());
    return new RespiteCacheManager(dataSource, serializer, settings, properties.getCacheNames(),
        properties.getTimeToLiveByCache());
  }

  /** JSON values when Jackson 3 is on the class path. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(ObjectMapper.class)
  static class JsonSerializerConfiguration {

    @Bean
    @ConditionalOnMissingBean
    CacheValueSerializer respiteCacheValueSerializer(ApplicationContext context) {
      ClassLoader classLoader = context.getClassLoader() != null ? context.getClassLoader()
          : ClassUtils.getDefaultClassLoader();
      return new JsonCacheValueSerializer(JsonMapper.builder().build(), classLoader);
    }
  }

  /** Text values only, when there is no Jackson and no serializer of the application's. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnMissingClass("tools.jackson.databind.ObjectMapper")
  static class TextSerializerConfiguration {

    @Bean
    @ConditionalOnMissingBean
    CacheValueSerializer respiteTextCacheValueSerializer() {
      return new TextCacheValueSerializer();
    }
  }

  /** Hits, misses, puts and evictions through Boot's cache metrics. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass({MeterBinder.class, CacheMeterBinderProvider.class})
  static class CacheMetricsConfiguration {

    @Bean
    @ConditionalOnMissingBean
    RespiteCacheMeterBinderProvider respiteCacheMeterBinderProvider() {
      return new RespiteCacheMeterBinderProvider();
    }
  }
}
