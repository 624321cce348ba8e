package dev.respite.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.respite.RedisDataSource;
import dev.respite.RedisSession;
import dev.respite.spi.RedisListener;
import dev.respite.spi.RedisListener.DestroyReason;
import dev.respite.testsupport.RawRedisClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Maximum lifetime, idle eviction and minIdle refill, seen from the pool and from the server. */
class PoolLifetimeIntegrationTest {
  @RegisterExtension
  static final RedisServerExtension redis = RedisServerExtension.create();

  private final List<DestroyReason> destroyed = new CopyOnWriteArrayList<>();
  private final RedisListener recorder = new RedisListener() {
    @Override
    public void connectionDestroyed(DestroyReason reason) {
      destroyed.add(reason);
    }
  };

  @Test
  void expiredConnectionIsNeverClosedUnderItsSessionButReplacedAfterIt() throws Exception {
    RedisDataSource ds = redis.dataSource("?poolMaxTotal=1&poolMaxLifetime=1s");
    ds.addListener(recorder);
    long first;
    try (RedisSession s = ds.openSession()) {
      first = s.execute("CLIENT", "ID").asLong();
      Thread.sleep(1_500);
      assertThat(s.ping()).isEqualTo("PONG");
      assertThat(s.execute("CLIENT", "ID").asLong()).as("same connection while in use").isEqualTo(first);
    }
    assertThat(destroyed).containsExactly(DestroyReason.EXPIRED);
    try (RedisSession s = ds.openSession()) {
      assertThat(s.execute("CLIENT", "ID").asLong()).isNotEqualTo(first);
    }
  }

  @Test
  void idleConnectionPastItsLifetimeIsReplaced() throws Exception {
    RedisDataSource ds = redis.dataSource("?poolMaxTotal=1&poolMaxLifetime=1s&poolIdleTimeout=10m");
    ds.addListener(recorder);
    long first;
    try (RedisSession s = ds.openSession()) {
      first = s.execute("CLIENT", "ID").asLong();
    }
    assertThat(eventually(10, () -> destroyed.contains(DestroyReason.EXPIRED)))
        .as("the sweep closes the expired idle connection").isTrue();
    try (RedisSession s = ds.openSession()) {
      assertThat(s.execute("CLIENT", "ID").asLong()).isNotEqualTo(first);
    }
    assertThat(destroyed).containsExactly(DestroyReason.EXPIRED);
  }

  @Test
  void idleConnectionsAboveMinIdleAreClosedAfterPoolIdleTimeout() throws Exception {
    RedisDataSource ds = redis.dataSource(
        "?poolMaxTotal=4&poolMinIdle=1&poolIdleTimeout=500ms&clientName=idle-eviction");
    ds.addListener(recorder);
    List<RedisSession> sessions = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      sessions.add(ds.openSession());
    }
    sessions.forEach(RedisSession::close);
    assertThat(ds.poolStats().idle()).isEqualTo(4);
    assertThat(eventually(10, () -> ds.poolStats().idle() == 1 && serverConnections("idle-eviction").size() == 1))
        .as("idle connections above poolMinIdle closed within 10 s").isTrue();
    assertThat(destroyed).containsOnly(DestroyReason.IDLE).hasSize(3);
    try (RedisSession s = ds.openSession()) {
      assertThat(s.ping()).isEqualTo("PONG");
    }
  }

  @Test
  void minIdleIsRefilledAfterTheServerKillsTheConnections() throws Exception {
    RedisDataSource ds = redis.dataSource("?poolMinIdle=2&poolIdleTimeout=1s&clientName=refill");
    ds.addListener(recorder);
    assertThat(eventually(10, () -> serverConnections("refill").size() == 2)).isTrue();
    Set<String> killed = serverConnections("refill");
    try (RawRedisClient admin = redis.admin()) {
      for (String id : killed) {
        admin.call("CLIENT", "KILL", "ID", id);
      }
    }
    assertThat(eventually(15, () -> {
      Set<String> now = serverConnections("refill");
      return now.size() == 2 && now.stream().noneMatch(killed::contains) && ds.poolStats().idle() == 2;
    })).as("two new idle connections within 15 s").isTrue();
    assertThat(destroyed).contains(DestroyReason.VALIDATION_FAILED);
    try (RedisSession s = ds.openSession()) {
      assertThat(s.ping()).isEqualTo("PONG");
    }
    assertThat(ds.poolStats().active()).isZero();
  }

  /** The ids of the server's connections named {@code name}. */
  private static Set<String> serverConnections(String name) {
    try (RawRedisClient admin = redis.admin()) {
      String list = (String) admin.call("CLIENT", "LIST");
      return list.lines()
          .filter(line -> (" " + line + " ").contains(" name=" + name + " "))
          .map(line -> line.substring(3, line.indexOf(' ')))
          .collect(Collectors.toSet());
    }
  }

  private static boolean eventually(int seconds, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(50);
    }
    return true;
  }
}
