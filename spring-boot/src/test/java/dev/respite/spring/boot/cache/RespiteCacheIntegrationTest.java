package dev.respite.spring.boot.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.respite.RedisDataSource;
import dev.respite.testsupport.CommandStats;
import dev.respite.testsupport.LocalRedisServer;
import dev.respite.testsupport.RawRedisClient;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.cache.Cache;
import tools.jackson.databind.json.JsonMapper;

/** RespiteCache against a real server: types, time to live, prefixes, SCAN/UNLINK clearing, statistics. */
class RespiteCacheIntegrationTest {
  private static LocalRedisServer server;
  private static RedisDataSource dataSource;
  private static RawRedisClient raw;

  record Book(String isbn, String title, List<String> authors) {}

  @BeforeAll
  static void start() {
    server = LocalRedisServer.launch();
    dataSource = RedisDataSource.create(server.url());
    raw = new RawRedisClient(server.port());
  }

  @AfterAll
  static void stop() {
    raw.close();
    dataSource.close();
    server.close();
  }

  @BeforeEach
  void flush() {
    raw.call("FLUSHALL");
  }

  private static RespiteCacheManager manager(RespiteCacheSettings settings, Map<String, Duration> ttls) {
    return new RespiteCacheManager(dataSource,
        new JsonCacheValueSerializer(JsonMapper.builder().build(), RespiteCacheIntegrationTest.class.getClassLoader()),
        settings, List.of(), ttls);
  }

  private static RespiteCacheManager manager() {
    return manager(new RespiteCacheSettings(Duration.ofMinutes(10), "", true), Map.of());
  }

  @Test
  void anObjectComesBackAsItsOwnType() {
    Cache books = manager().getCache("books");
    Book book = new Book("42", "Respite", List.of("Ada", "Bob"));
    books.put("42", book);
    assertThat(books.get("42", Book.class)).isEqualTo(book);
    assertThat(manager().getCache("books").get("42").get()).isInstanceOf(Book.class).isEqualTo(book);
  }

  @Test
  void entriesExpireAfterTheDefaultOrTheCachesOwnTimeToLive() {
    RespiteCacheManager manager = manager(new RespiteCacheSettings(Duration.ofMinutes(10), "app:", true),
        Map.of("short", Duration.ofSeconds(30)));
    manager.getCache("books").put("1", "one");
    manager.getCache("short").put("1", "one");
    assertThat((Long) raw.call("PTTL", "app:books::1")).isBetween(590_000L, 600_000L);
    assertThat((Long) raw.call("PTTL", "app:short::1")).isBetween(20_000L, 30_000L);
  }

  @Test
  void clearRemovesOnlyThisCachesKeysWithScanAndUnlinkNeverKeys() {
    RespiteCacheManager manager = manager(new RespiteCacheSettings(Duration.ofMinutes(10), "a*[b]:", true),
        Map.of());
    RespiteCache books = manager.getCache("books");
    for (int i = 0; i < 1_200; i++) {
      books.put(i, "v" + i);
    }
    manager.getCache("other").put("1", "kept");
    raw.call("SET", "a-x-b]:books::1", "looks alike, kept");   // would match an unescaped glob
    raw.call("CONFIG", "RESETSTAT");
    books.clear();
    assertThat((Long) raw.call("DBSIZE")).isEqualTo(2);
    assertThat(CommandStats.calls(raw, "keys")).isZero();
    assertThat(CommandStats.calls(raw, "scan")).isPositive();
    assertThat(CommandStats.calls(raw, "unlink")).isGreaterThanOrEqualTo(3);
    assertThat(books.evictions()).isEqualTo(1_200);
  }

  @Test
  void evictPutIfAbsentAndNullValues() {
    RespiteCache cache = manager().getCache("c");
    assertThat(cache.putIfAbsent("k", "first")).isNull();
    assertThat(cache.putIfAbsent("k", "second").get()).isEqualTo("first");
    assertThat(cache.evictIfPresent("k")).isTrue();
    assertThat(cache.get("k")).isNull();
    cache.put("nothing", null);
    assertThat(cache.get("nothing")).isNotNull();
    assertThat(cache.get("nothing").get()).isNull();
    RespiteCache strict = manager(new RespiteCacheSettings(Duration.ofMinutes(1), "", false), Map.of())
        .getCache("strict");
    assertThatThrownBy(() -> strict.put("k", null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void syncGetLoadsOnceThenServesTheCachedValue() {
    RespiteCache cache = manager().getCache("sync");
    int[] loads = {0};
    assertThat(cache.get("k", () -> "loaded" + ++loads[0])).isEqualTo("loaded1");
    assertThat(cache.get("k", () -> "loaded" + ++loads[0])).isEqualTo("loaded1");
    assertThat(loads[0]).isEqualTo(1);
    assertThat(cache.misses()).isEqualTo(1);
    assertThat(cache.hits()).isEqualTo(1);
    assertThat(cache.puts()).isEqualTo(1);
  }

  @Test
  void statisticsReachMicrometerAsBootsCacheMeters() {
    RespiteCache cache = manager().getCache("stats");
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    new RespiteCacheMeterBinderProvider().getMeterBinder(cache, Tags.of("cacheManager", "cacheManager"))
        .bindTo(registry);
    cache.get("missing");
    cache.put("k", "v");
    cache.get("k");
    cache.get("k");
    cache.evict("k");
    assertThat(registry.get("cache.gets").tag("result", "hit").functionCounter().count()).isEqualTo(2);
    assertThat(registry.get("cache.gets").tag("result", "miss").functionCounter().count()).isEqualTo(1);
    assertThat(registry.get("cache.puts").functionCounter().count()).isEqualTo(1);
    assertThat(registry.get("cache.evictions").functionCounter().count()).isEqualTo(1);
  }

  @Test
  void withoutJacksonOnlyTextIsCachedAndAnythingElseIsRefusedClearly() {
    RespiteCache cache = new RespiteCacheManager(dataSource, new TextCacheValueSerializer(),
        new RespiteCacheSettings(Duration.ofMinutes(1), "", true), List.of("t"), Map.of()).getCache("t");
    cache.put("k", "text");
    assertThat(cache.get("k").get()).isEqualTo("text");
    assertThatThrownBy(() -> cache.put("b", new Book("1", "t", List.of())))
        .hasMessageContaining("jackson").hasMessageContaining(Book.class.getName());
  }
}
