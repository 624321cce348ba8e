package dev.respite.impl.pool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.respite.RedisConfig;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** How the pool derives its sweep interval, lifetimes and leak detection from the options. */
class PoolTimingTest {

  @Test
  void sweepRunsAtHalfTheShortestLimitWithinBounds() {
    assertThat(ConnectionPool.sweepInterval(RedisConfig.builder().build()))
        .as("defaults: 10m idle, 30m lifetime").isEqualTo(Duration.ofSeconds(30));
    assertThat(ConnectionPool.sweepInterval(RedisConfig.builder().poolIdleTimeout(Duration.ofSeconds(1)).build()))
        .isEqualTo(Duration.ofMillis(500));
    assertThat(ConnectionPool.sweepInterval(RedisConfig.builder().poolIdleTimeout(Duration.ofMillis(20)).build()))
        .isEqualTo(Duration.ofMillis(100));
    assertThat(ConnectionPool.sweepInterval(RedisConfig.builder().poolMaxLifetime(Duration.ofSeconds(4)).build()))
        .as("a short lifetime shortens the sweep").isEqualTo(Duration.ofSeconds(2));
    assertThat(ConnectionPool.sweepInterval(RedisConfig.builder().poolMaxLifetime(Duration.ZERO)
        .poolIdleTimeout(Duration.ofSeconds(10)).build()))
        .as("no lifetime limit: the idle timeout decides").isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void lifetimesAreShortenedByUpTo2Point5PercentAndSpreadOut() {
    long max = TimeUnit.MINUTES.toNanos(30);
    Set<Long> seen = new HashSet<>();
    for (int i = 0; i < 1_000; i++) {
      long lifetime = PooledConnectionFactory.jitteredLifetime(max);
      assertThat(lifetime).isBetween(max - max / 40, max);
      seen.add(lifetime);
    }
    assertThat(seen).as("connections made together do not expire together").hasSizeGreaterThan(900);
  }

  @Test
  void noLifetimeLimitStaysUnlimited() {
    assertThat(PooledConnectionFactory.jitteredLifetime(0)).isZero();
  }

  @Test
  void leakDetectionCostsNothingWhenOff() {
    assertThat(LeakDetector.startIfEnabled("p", Duration.ZERO)).isNull();
    LeakDetector on = LeakDetector.startIfEnabled("p", Duration.ofSeconds(1));
    assertThat(on).isNotNull();
    on.close();
  }
}
