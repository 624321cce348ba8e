package dev.respite.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.respite.RedisDataSource;
import dev.respite.testsupport.RawRedisClient;
import java.util.regex.Pattern;

/**
 * Proves that no connection leaked: the pool lends none, and the server lists exactly the pool's idle
 * connections under the data source's {@code clientName}. The server notices a client's close a little
 * after it happens, so the listing is polled for a while before it must match.
 */
final class ConnectionAccounting {
  private static final long SETTLE_MILLIS = 10_000;

  private ConnectionAccounting() {}

  /**
   * Asserts that nothing is lent and that the server sees exactly the idle connections named {@code name};
   * multiplexed ({@link SuiteMode}), also up to {@code multiplex} lanes, which open on demand.
   */
  static void assertNoLeak(RedisServerExtension redis, RedisDataSource ds, String name) {
    assertThat(ds.poolStats().active()).as("connections still lent after the test: %s", ds.poolStats()).isZero();
    int idle = ds.poolStats().idle();
    if (SuiteMode.multiplexed(ds)) {
      assertThat(ds.poolStats().laneCommands()).as("commands left on the lanes: %s", ds.poolStats()).isZero();
      int lanes = ds.config().multiplex();
      long deadline = System.currentTimeMillis() + SETTLE_MILLIS;
      int count;
      while (((count = namedConnections(redis, name)) < idle || count > idle + lanes)
          && System.currentTimeMillis() < deadline) {
        sleep(50);
      }
      assertThat(count).as("connections named %s in CLIENT LIST, with %s and at most %d lanes", name,
          ds.poolStats(), lanes).isBetween(idle, idle + lanes);
      return;
    }
    assertThat(awaitNamedConnections(redis, name, idle))
        .as("connections named %s in CLIENT LIST, with %s", name, ds.poolStats())
        .isEqualTo(idle);
  }

  /**
   * Asserts that nothing is lent and that the server sees exactly the idle connections named {@code name}
   * and the data source's {@code lanes} shared connections ({@code multiplex}).
   */
  static void assertNoLeak(RedisServerExtension redis, RedisDataSource ds, String name, int lanes) {
    assertThat(ds.poolStats().active()).as("connections still lent after the test: %s", ds.poolStats()).isZero();
    int expected = ds.poolStats().idle() + lanes;
    assertThat(awaitNamedConnections(redis, name, expected))
        .as("connections named %s in CLIENT LIST, with %s and %d lanes", name, ds.poolStats(), lanes)
        .isEqualTo(expected);
  }

  /** The count of server connections named {@code name}, once it equals {@code expected} or 10 s passed. */
  static int awaitNamedConnections(RedisServerExtension redis, String name, int expected) {
    long deadline = System.currentTimeMillis() + SETTLE_MILLIS;
    int count;
    while ((count = namedConnections(redis, name)) != expected && System.currentTimeMillis() < deadline) {
      sleep(50);
    }
    return count;
  }

  /** The count of server connections named {@code name}, from {@code CLIENT LIST}. */
  static int namedConnections(RedisServerExtension redis, String name) {
    try (RawRedisClient admin = redis.admin()) {
      String list = (String) admin.call("CLIENT", "LIST");
      Pattern named = Pattern.compile("(^|\\s)name=" + Pattern.quote(name) + "(\\s|$)");
      return (int) list.lines().filter(line -> named.matcher(line).find()).count();
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
