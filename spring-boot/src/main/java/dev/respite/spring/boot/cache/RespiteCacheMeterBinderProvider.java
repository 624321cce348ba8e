package dev.respite.spring.boot.cache;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.cache.CacheMeterBinder;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.cache.metrics.CacheMeterBinderProvider;

/**
 * Boot's cache metrics ({@code cache.gets} with {@code result=hit|miss}, {@code cache.puts},
 * {@code cache.evictions}) for {@link RespiteCache}, counted by this application's instance.
 */
public final class RespiteCacheMeterBinderProvider implements CacheMeterBinderProvider<RespiteCache> {

  @Override
  public MeterBinder getMeterBinder(RespiteCache cache, Iterable<Tag> tags) {
    return new RespiteCacheMeters(cache, tags);
  }

  private static final class RespiteCacheMeters extends CacheMeterBinder<RespiteCache> {
    private final RespiteCache cache;

    RespiteCacheMeters(RespiteCache cache, Iterable<Tag> tags) {
      super(cache, cache.getName(), tags);
      this.cache = cache;
    }

    @Override
    protected @Nullable Long size() {
      return null;   // would need a SCAN of the cache's keys on each scrape
    }

    @Override
    protected long hitCount() {
      return cache.hits();
    }

    @Override
    protected Long missCount() {
      return cache.misses();
    }

    @Override
    protected Long evictionCount() {
      return cache.evictions();
    }

    @Override
    protected long putCount() {
      return cache.puts();
    }

    @Override
    protected void bindImplementationSpecificMetrics(MeterRegistry registry) {}
  }
}
