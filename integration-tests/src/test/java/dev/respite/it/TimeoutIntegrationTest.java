package dev.respite.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.respite.RedisConnectionException;
import dev.respite.RedisDataSource;
import dev.respite.RedisSession;
import dev.respite.RedisTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A reply that comes too late is never read by anyone: the connection it would arrive on is destroyed. */
class TimeoutIntegrationTest {
  @RegisterExtension
  static final RedisServerExtension redis = RedisServerExtension.create();

  @Test
  void lateReplyNeverReachesTheNextBorrowerOnAPoolOfOne() throws InterruptedException {
    try (RedisDataSource ds = redis.dataSource("?poolMaxTotal=1&socketTimeout=200ms")) {
      try (RedisSession s = ds.openSession()) {
        s.set("k", "the real value");
        assertThatThrownBy(() -> s.execute("DEBUG", "SLEEP", "0.6"))
            .isInstanceOf(RedisTimeoutException.class)
            .hasMessageContaining("DEBUG").hasMessageContaining("200 ms");
        assertThat(ds.poolStats().active()).as("the broken connection is destroyed at once").isZero();
        if (SuiteMode.multiplexed(ds)) {
          // The lane was closed; an unpinned session holds no connection, so it stays usable (below).
          assertThat(ds.poolStats().laneCommands()).isZero();
        } else {
          assertThatThrownBy(s::ping).isInstanceOf(RedisConnectionException.class)
              .hasMessageContaining("earlier failure");
        }
        assertThatCode(s::close).doesNotThrowAnyException();
        assertThatCode(s::close).doesNotThrowAnyException();
      }
      Thread.sleep(700); // the server now sends its late "+OK" to a closed socket
      try (RedisSession s = ds.openSession()) {
        assertThat(s.get("k")).isEqualTo("the real value");
        assertThat(s.ping()).isEqualTo("PONG");
      }
      assertThat(ds.poolStats().active()).isZero();
    }
  }

  @Test
  void timeoutFiresNearSocketTimeout() {
    try (RedisDataSource ds = redis.dataSource("?socketTimeout=300ms"); RedisSession s = ds.openSession()) {
      long start = System.nanoTime();
      assertThatThrownBy(() -> s.execute("DEBUG", "SLEEP", "2")).isInstanceOf(RedisTimeoutException.class);
      long waitedMillis = (System.nanoTime() - start) / 1_000_000;
      assertThat(waitedMillis).isBetween(250L, 1_900L);
    }
  }

  @Test
  void closingABrokenSessionTwiceNeverTouchesAPooledConnection() {
    try (RedisDataSource ds = redis.dataSource("?poolMaxTotal=1&socketTimeout=200ms")) {
      RedisSession broken = ds.openSession();
      assertThatThrownBy(() -> broken.execute("DEBUG", "SLEEP", "0.4")).isInstanceOf(RedisTimeoutException.class);
      broken.close();
      try (RedisSession next = ds.openSession()) {
        broken.close();
        assertThat(next.ping()).isEqualTo("PONG");
        assertThat(ds.poolStats().active()).isEqualTo(SuiteMode.pooledConnectionsOfAnOpenSession(ds));
      }
    }
  }
}
