package dev.respite.spring.boot.cache;

import dev.respite.RedisDataSource;
import dev.respite.RedisSession;
import dev.respite.command.Expiration;
import dev.respite.command.ScanOptions;
import dev.respite.command.SetOptions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.cache.support.AbstractValueAdaptingCache;
import org.springframework.cache.support.NullValue;

/**
 * A Spring cache in Redis: each entry is the key {@code <keyPrefix><name>::<key>} holding the serialized
 * value, written with {@code SET ... PX <timeToLive>}. {@link #clear()} walks the cache's keys with
 * {@code SCAN} and removes them with {@code UNLINK}, never {@code KEYS}, which blocks the server. Keys are
 * turned into text with {@code String.valueOf}, so they need a stable {@code toString()} (Spring's
 * {@code SimpleKey} has one). Counts hits, misses, puts and evictions for Micrometer.
 */
public final class RespiteCache extends AbstractValueAdaptingCache {
  private static final byte NULL_TAG = 0;
  private static final byte VALUE_TAG = 1;
  private static final int UNLINK_BATCH = 500;

  private final String name;
  private final String prefix;
  private final RedisDataSource dataSource;
  private final CacheValueSerializer serializer;
  private final RespiteCacheSettings settings;
  private final Object loadLock = new Object();
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();
  private final LongAdder puts = new LongAdder();
  private final LongAdder evictions = new LongAdder();

  RespiteCache(String name, RedisDataSource dataSource, CacheValueSerializer serializer,
      RespiteCacheSettings settings) {
    super(settings.cacheNullValues());
    this.name = name;
    this.prefix = settings.keyPrefix() + name + "::";
    this.dataSource = dataSource;
    this.serializer = serializer;
    this.settings = settings;
  }

  @Override
  public String getName() {
    return name;
  }

  @Override
  public RedisDataSource getNativeCache() {
    return dataSource;
  }

  /** The Redis key of a cache key. */
  public String redisKey(Object key) {
    return prefix + key;
  }

  @Override
  protected @Nullable Object lookup(Object key) {
    Object stored = read(key);
    (stored == null ? misses : hits).increment();
    return stored;
  }

  /** The stored value (or {@link NullValue}), null when absent; not counted as a hit or a miss. */
  private @Nullable Object read(Object key) {
    byte[] stored;
    try (RedisSession session = dataSource.openSession()) {
      stored = session.binary().get(bytes(redisKey(key)));
    }
    return stored == null ? null : decode(stored);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> @Nullable T get(Object key, Callable<T> valueLoader) {
    ValueWrapper cached = get(key);
    if (cached != null) {
      return (T) cached.get();
    }
    synchronized (loadLock) {   // Spring's sync=true: one loader at a time per cache in this application
      Object stored = read(key);   // the miss was counted above
      if (stored != null) {
        return (T) fromStoreValue(stored);
      }
      T value;
      try {
        value = valueLoader.call();
      } catch (Exception e) {
        throw new ValueRetrievalException(key, valueLoader, e);
      }
      put(key, value);
      return value;
    }
  }

  @Override
  public void put(Object key, @Nullable Object value) {
    write(key, value, SetOptions.none());
  }

  @Override
  public @Nullable ValueWrapper putIfAbsent(Object key, @Nullable Object value) {
    if (write(key, value, SetOptions.none().nx())) {
      return null;
    }
    return get(key);
  }

  @Override
  public void evict(Object key) {
    evictIfPresent(key);
  }

  @Override
  public boolean evictIfPresent(Object key) {
    long removed;
    try (RedisSession session = dataSource.openSession()) {
      removed = session.unlink(redisKey(key));
    }
    evictions.add(removed);
    return removed > 0;
  }

  @Override
  public void clear() {
    invalidate();
  }

  @Override
  public boolean invalidate() {
    long removed = 0;
    try (RedisSession session = dataSource.openSession();
         Stream<String> keys = session.scan(ScanOptions.match(CacheKeyPattern.escape(prefix) + "*")
             .count(UNLINK_BATCH))) {
      List<String> batch = new ArrayList<>(UNLINK_BATCH);
      for (String key : (Iterable<String>) keys::iterator) {
        batch.add(key);
        if (batch.size() == UNLINK_BATCH) {
          removed += session.unlink(batch.toArray(String[]::new));
          batch.clear();
        }
      }
      if (!batch.isEmpty()) {
        removed += session.unlink(batch.toArray(String[]::new));
      }
    }
    evictions.add(removed);
    return removed > 0;
  }

  /** Lookups that found an entry. */
  public long hits() {
    return hits.sum();
  }

  /** Lookups that found none. */
  public long misses() {
    return misses.sum();
  }

  /** Entries written. */
  public long puts() {
    return puts.sum();
  }

  /** Entries removed by {@code evict} or {@code clear} (not those the server expired). */
  public long evictions() {
    return evictions.sum();
  }

  private boolean write(Object key, @Nullable Object value, SetOptions condition) {
    byte[] stored = encode(toStoreValue(value));
    SetOptions options = settings.timeToLive().isZero() ? condition
        : condition.expiration(Expiration.px(settings.timeToLive()));
    boolean written;
    try (RedisSession session = dataSource.openSession()) {
      written = session.binary().set(bytes(redisKey(key)), stored, options);
    }
    if (written) {
      puts.increment();
    }
    return written;
  }

  private byte[] encode(Object storeValue) {
    if (storeValue == NullValue.INSTANCE) {
      return new byte[] {NULL_TAG};
    }
    byte[] value = serializer.serialize(storeValue);
    byte[] stored = new byte[value.length + 1];
    stored[0] = VALUE_TAG;
    System.arraycopy(value, 0, stored, 1, value.length);
    return stored;
  }

  private Object decode(byte[] stored) {
    if (stored.length == 1 && stored[0] == NULL_TAG) {
      return NullValue.INSTANCE;
    }
    if (stored.length == 0 || stored[0] != VALUE_TAG) {
      throw new IllegalStateException("Key " + prefix + "... of cache " + name + " holds a value this cache"
          + " did not write");
    }
    byte[] value = new byte[stored.length - 1];
    System.arraycopy(stored, 1, value, 0, value.length);
    return serializer.deserialize(value);
  }

  private static byte[] bytes(String key) {
    return key.getBytes(StandardCharsets.UTF_8);
  }
}
