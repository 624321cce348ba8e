package dev.respite.spring.boot.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.respite.RedisDataSource;
import dev.respite.spring.boot.RespiteAutoConfiguration;
import dev.respite.spring.boot.ServerPerTestClass;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.cache.autoconfigure.CacheAutoConfiguration;
import org.springframework.boot.cache.autoconfigure.metrics.CacheMetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.concurrent.ConcurrentMapCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.ObjectMapper;

/** Respite's CacheManager is the one Boot uses with @EnableCaching, and backs off as it should. */
class RespiteCacheAutoConfigurationTest extends ServerPerTestClass {

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(RespiteAutoConfiguration.class, RespiteCacheAutoConfiguration.class,
          CacheAutoConfiguration.class))
      .withPropertyValues("respite.url=" + server.url());

  @Test
  void withEnableCachingRespitesManagerWinsOverBootsFallbackWithJson() {
    runner.withUserConfiguration(Caching.class).run(context -> {
      assertThat(context.getBean(CacheManager.class)).isInstanceOf(RespiteCacheManager.class);
      assertThat(context.getBean(CacheValueSerializer.class)).isInstanceOf(JsonCacheValueSerializer.class);
    });
  }

  @Test
  void withoutEnableCachingThereIsNoCacheManager() {
    runner.run(context -> assertThat(context).doesNotHaveBean(CacheManager.class));
  }

  @Test
  void aUserDefinedCacheManagerWins() {
    runner.withUserConfiguration(Caching.class, UserCacheManager.class)
        .run(context -> assertThat(context.getBean(CacheManager.class)).isInstanceOf(ConcurrentMapCacheManager.class));
  }

  @Test
  void disabledItHandsCachingBackToBoot() {
    runner.withUserConfiguration(Caching.class).withPropertyValues("respite.cache.enabled=false")
        .run(context -> assertThat(context.getBean(CacheManager.class)).isNotInstanceOf(RespiteCacheManager.class));
  }

  @Test
  void withoutJacksonValuesAreText() {
    runner.withUserConfiguration(Caching.class).withClassLoader(new FilteredClassLoader(ObjectMapper.class))
        .run(context -> assertThat(context.getBean(CacheValueSerializer.class))
            .isInstanceOf(TextCacheValueSerializer.class));
  }

  @Test
  void aUserDefinedSerializerWins() {
    runner.withUserConfiguration(Caching.class, UserSerializer.class)
        .run(context -> assertThat(context.getBean(RespiteCacheManager.class).serializer())
            .isSameAs(context.getBean("userSerializer")));
  }

  @Test
  void propertiesBind() {
    runner.withUserConfiguration(Caching.class)
        .withPropertyValues("respite.cache.cache-names=books,users", "respite.cache.time-to-live=1m",
            "respite.cache.key-prefix=shop:", "respite.cache.time-to-live-by-cache.users=5s",
            "respite.cache.cache-null-values=false")
        .run(context -> {
          RespiteCacheManager manager = context.getBean(RespiteCacheManager.class);
          assertThat(manager.getCacheNames()).containsExactlyInAnyOrder("books", "users");
          assertThat(manager.getCache("other")).isNull();
          assertThat(manager.getCache("books").redisKey("1")).isEqualTo("shop:books::1");
          assertThat(manager.getCache("books").isAllowNullValues()).isFalse();
          RespiteCacheProperties properties = context.getBean(RespiteCacheProperties.class);
          assertThat(properties.getTimeToLive()).isEqualTo(Duration.ofMinutes(1));
          assertThat(properties.getTimeToLiveByCache()).containsEntry("users", Duration.ofSeconds(5));
        });
  }

  @Test
  void aUserDefinedDataSourceIsTheOneTheCacheUses() {
    runner.withUserConfiguration(Caching.class, UserDataSource.class).run(context -> {
      RespiteCache cache = context.getBean(RespiteCacheManager.class).getCache("books");
      assertThat(cache.getNativeCache()).isSameAs(context.getBean(RedisDataSource.class));
      assertThat(cache.getNativeCache().poolName()).isEqualTo("users-own");
    });
  }

  @Test
  void cacheStatisticsArePublishedWithMicrometer() {
    runner.withUserConfiguration(Caching.class)
        .withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
            SimpleMetricsExportAutoConfiguration.class, CacheMetricsAutoConfiguration.class))
        .withPropertyValues("respite.cache.cache-names=books")
        .run(context -> {
          context.getBean(CacheManager.class).getCache("books").get("missing");
          MeterRegistry registry = context.getBean(MeterRegistry.class);
          assertThat(registry.get("cache.gets").tag("cache", "books").tag("result", "miss").functionCounter()
              .count()).isEqualTo(1);
        });
  }

  @Configuration(proxyBeanMethods = false)
  @EnableCaching
  static class Caching {}

  @Configuration(proxyBeanMethods = false)
  static class UserCacheManager {
    @Bean
    CacheManager userCacheManager() {
      return new ConcurrentMapCacheManager();
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class UserSerializer {
    @Bean
    CacheValueSerializer userSerializer() {
      return new TextCacheValueSerializer();
    }
  }
}
