package dev.respite.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.respite.PoolStats;
import dev.respite.RedisDataSource;
import dev.respite.RedisException;
import dev.respite.RedisPoolExhaustedException;
import dev.respite.RedisSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PoolIntegrationTest {
  @RegisterExtension
  static final RedisServerExtension redis = RedisServerExtension.create();

  @Test
  void exhaustedPoolFailsAfterPoolMaxWaitSayingHowItStood() {
    try (RedisDataSource ds = redis.dataSource("?poolMaxTotal=2&poolMaxWait=300ms");
         RedisSession a = ds.openSession();
         RedisSession b = ds.openSession()) {
      long start = System.nanoTime();
      assertThatThrownBy(ds::openSession)
          .isInstanceOfSatisfying(RedisPoolExhaustedException.class, e -> {
            assertThat(e.stats().active()).isEqualTo(2);
            assertThat(e.stats().maxTotal()).isEqualTo(2);
            assertThat(e.waited()).isGreaterThanOrEqualTo(Duration.ofMillis(250));
          })
          .hasMessageContaining("active=2").hasMessageContaining("idle=0")
          .hasMessageContaining("pending=").hasMessageContaining("maxTotal=2");
      Duration waited = Duration.ofNanos(System.nanoTime() - start);
      assertThat(waited).isBetween(Duration.ofMillis(250), Duration.ofSeconds(5));
      assertThat(a.ping()).isEqualTo("PONG");
      assertThat(b.ping()).isEqualTo("PONG");
    }
  }

  @Test
  void waitingThreadIsCountedAsPendingAndGetsTheReturnedConnection() throws Exception {
    try (RedisDataSource ds = redis.dataSource("?poolMaxTotal=1&poolMaxWait=10s")) {
      RedisSession holder = ds.openSession();
      CompletableFuture<String> waiter = CompletableFuture.supplyAsync(() -> {
        try (RedisSession s = ds.openSession()) {
          return s.ping();
        }
      });
      awaitPending(ds, 1);
      assertThat(ds.poolStats()).isEqualTo(new PoolStats(1, 0, 1, 1));
      holder.close();
      assertThat(waiter.get(5, TimeUnit.SECONDS)).isEqualTo("PONG");
      assertThat(ds.poolStats().active()).isZero();
      assertThat(ds.poolStats().idle()).isEqualTo(1);
    }
  }

  @Test
  void secondCloseOfAHealthySessionLeavesTheNextBorrowerAlone() {
    try (RedisDataSource ds = redis.dataSource("?poolMaxTotal=1")) {
      RedisSession first = ds.openSession();
      first.close();
      try (RedisSession second = ds.openSession()) {
        first.close();
        assertThat(ds.poolStats().active()).isEqualTo(1);
        assertThat(second.ping()).isEqualTo("PONG");
        assertThatThrownBy(first::ping).hasMessageContaining("closed");
      }
      assertThat(first.isClosed()).isTrue();
    }
  }

  @Test
  void minIdleConnectionsAreOpenedAhead() {
    try (RedisDataSource ds = redis.dataSource("?poolMaxTotal=4&poolMinIdle=2")) {
      assertThat(ds.poolStats().idle()).isEqualTo(2);
    }
  }
  @Test
  void waitingBorrowersAreServedInArrivalOrder() throws Exception {
    try (RedisDataSource ds = redis.dataSource("?poolMaxTotal=1&poolMaxWait=10s")) {
      RedisSession holder = ds.openSession();
      List<Integer> served = new CopyOnWriteArrayList<>();
      List<CompletableFuture<Void>> waiters = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        int arrival = i;
        waiters.add(CompletableFuture.runAsync(() -> {
          try (RedisSession s = ds.openSession()) {
            served.add(arrival);
            s.ping();
          }
        }, runnable -> new Thread(runnable).start()));
        awaitPending(ds, i + 1);
      }
      holder.close();
      CompletableFuture.allOf(waiters.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
      assertThat(served).containsExactly(0, 1, 2, 3, 4);
    }
  }

  @Test
  void threadsThatKeepReturningAndBorrowingCannotStarveAWaiter() throws Exception {
    try (RedisDataSource ds = redis.dataSource("?poolMaxTotal=2&poolMaxWait=2s")) {
      AtomicBoolean stop = new AtomicBoolean();
      List<CompletableFuture<Void>> hogs = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        hogs.add(CompletableFuture.runAsync(() -> {
          while (!stop.get()) {
            try (RedisSession s = ds.openSession()) {
              s.ping();
            }
          }
        }, runnable -> new Thread(runnable).start()));
      }
      try {
        for (int i = 0; i < 50; i++) {
          try (RedisSession s = ds.openSession()) {
            assertThat(s.ping()).isEqualTo("PONG");
          }
        }
      } finally {
        stop.set(true);
      }
      CompletableFuture.allOf(hogs.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void closingTheDataSourceFailsWaitingBorrowersAtOnce() throws Exception {
    RedisDataSource ds = redis.dataSource("?poolMaxTotal=1&poolMaxWait=60s");
    RedisSession holder = ds.openSession();
    CompletableFuture<Throwable> waiter = CompletableFuture.supplyAsync(() -> catchThrowable(ds::openSession),
        runnable -> new Thread(runnable).start());
    awaitPending(ds, 1);
    ds.close();
    assertThat(waiter.get(10, TimeUnit.SECONDS)).isInstanceOf(RedisException.class).hasMessageContaining("closed");
    holder.close();
  }

  private static void awaitPending(RedisDataSource ds, int pending) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (ds.poolStats().pending() < pending && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(ds.poolStats().pending()).isEqualTo(pending);
  }
}
