package dev.respite.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.respite.RedisDataSource;
import dev.respite.RedisSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Plain GET/SET threads on the lanes, WATCH/MULTI threads and BLPOP threads (both pinned) at once: no
 * update is lost, every reply is its caller's, and a BLPOP never holds up a lane.
 */
class MultiplexMixedLoadIntegrationTest {
  @RegisterExtension
  static final RedisServerExtension redis = RedisServerExtension.create();

  private static final long BLPOP_MILLIS = 4_000;

  @Test
  void lanesPinnedTransactionsAndBlockingPopsRunTogether() throws Exception {
    int plain = 8;
    int optimistic = 4;
    int increments = 40;
    int blocking = 4;
    try (RedisDataSource ds = redis.dataSource("?multiplex=2&poolMaxTotal=16&socketTimeout=5s&clientName=mxmixed")) {
      AtomicBoolean running = new AtomicBoolean(true);
      AtomicLong slowestLaneExchangeNanos = new AtomicLong();
      ExecutorService threads = Executors.newFixedThreadPool(plain + optimistic + blocking);
      List<Future<?>> blockers = new ArrayList<>();
      List<Future<?>> others = new ArrayList<>();
      try {
        for (int t = 0; t < blocking; t++) {
          String queue = "mixed:queue:" + t;
          blockers.add(threads.submit(() -> {
            try (RedisSession s = ds.openSession()) {
              assertThat(s.blpop(Duration.ofMillis(BLPOP_MILLIS), queue)).isNull();
            }
            return null;
          }));
        }
        Thread.sleep(200); // the pops are blocking on their own connections now
        for (int t = 0; t < plain; t++) {
          String owner = "mixed-" + t;
          others.add(threads.submit(() -> {
            for (long i = 0; running.get(); i++) {
              long start = System.nanoTime();
              try (RedisSession s = ds.openSession()) {
                OwnReplies.exchange(s, owner, i);
              }
              slowestLaneExchangeNanos.accumulateAndGet(System.nanoTime() - start, Math::max);
            }
            return null;
          }));
        }
        List<Future<?>> writers = new ArrayList<>();
        for (int t = 0; t < optimistic; t++) {
          writers.add(threads.submit(() -> {
            for (int i = 0; i < increments; i++) {
              try (RedisSession s = ds.openSession()) {
                s.optimistic(1_000, List.of("mixed:counter"), tx -> {
                  String seen = s.get("mixed:counter");
                  long next = (seen == null ? 0 : Long.parseLong(seen)) + 1;
                  tx.queueVoid(c -> c.set("mixed:counter", Long.toString(next)));
                  return next;
                });
              }
            }
            return null;
          }));
        }
        for (Future<?> writer : writers) {
          writer.get(60, TimeUnit.SECONDS);
        }
        for (Future<?> blocker : blockers) {
          blocker.get(60, TimeUnit.SECONDS);
        }
        running.set(false);
        for (Future<?> other : others) {
          other.get(60, TimeUnit.SECONDS);
        }
      } finally {
        running.set(false);
        threads.shutdownNow();
      }
      try (RedisSession s = ds.openSession()) {
        assertThat(Long.parseLong(Objects.requireNonNull(s.get("mixed:counter"))))
            .as("no lost update").isEqualTo((long) optimistic * increments);
      }
      // Had a BLPOP held a lane, an exchange behind it would have waited its whole 4 s.
      assertThat(TimeUnit.NANOSECONDS.toMillis(slowestLaneExchangeNanos.get())).isLessThan(BLPOP_MILLIS - 1_000);
      ConnectionAccounting.assertNoLeak(redis, ds, "mxmixed", 2);
    }
  }
}
