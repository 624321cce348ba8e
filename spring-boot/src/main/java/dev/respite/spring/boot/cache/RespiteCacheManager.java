package dev.respite.spring.boot.cache;

import dev.respite.RedisDataSource;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;
import org.springframework.cache.CacheManager;

/**
 * A {@link CacheManager} whose caches live in Redis ({@link RespiteCache}), all on one data source. With
 * cache names given up front only those caches exist; without, a cache is made on first use.
 */
public final class RespiteCacheManager implements CacheManager {
  private final RedisDataSource dataSource;
  private final CacheValueSerializer serializer;
  private final RespiteCacheSettings defaults;
  private final Map<String, Duration> timeToLiveByCache;
  private final boolean dynamic;
  private final ConcurrentMap<String, RespiteCache> caches = new ConcurrentHashMap<>();

  /**
   * A manager for {@code cacheNames} (or any name, when empty), each with {@code defaults} unless
   * {@code timeToLiveByCache} names the cache.
   */
  public RespiteCacheManager(RedisDataSource dataSource, CacheValueSerializer serializer,
      RespiteCacheSettings defaults, Collection<String> cacheNames, Map<String, Duration> timeToLiveByCache) {
    this.dataSource = dataSource;
    this.serializer = serializer;
    this.defaults = defaults;
    this.timeToLiveByCache = Map.copyOf(timeToLiveByCache);
    this.dynamic = cacheNames.isEmpty();
    cacheNames.forEach(this::create);
  }

  @Override
  public @Nullable RespiteCache getCache(String name) {
    RespiteCache cache = caches.get(name);
    if (cache == null && dynamic) {
      cache = caches.computeIfAbsent(name, this::newCache);
    }
    return cache;
  }

  @Override
  public Collection<String> getCacheNames() {
    return Collections.unmodifiableSet(new LinkedHashSet<>(caches.keySet()));
  }

  /** The serializer of every cache of this manager. */
  public CacheValueSerializer serializer() {
    return serializer;
  }

  private void create(String name) {
    caches.computeIfAbsent(name, this::newCache);
  }

  private RespiteCache newCache(String name) {
    Duration ttl = timeToLiveByCache.get(name);
    return new RespiteCache(name, dataSource, serializer, ttl == null ? defaults : defaults.withTimeToLive(ttl));
  }
}
