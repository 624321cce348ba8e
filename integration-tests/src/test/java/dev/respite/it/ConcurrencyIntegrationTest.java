package dev.respite.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.respite.RedisDataSource;
import dev.respite.RedisSession;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Many threads share a small pool; every reply must be the one its own thread asked for. */
class ConcurrencyIntegrationTest {
  @RegisterExtension
  static final RedisServerExtension redis = RedisServerExtension.create();

  @Test
  void thirtyTwoPlatformThreadsShareAPoolOfFour() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(32);
    try {
      runWorkers(threads, 32, 300);
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void thousandsOfVirtualThreadsShareAPoolOfFour() throws Exception {
    ExecutorService threads = virtualThreadExecutor();
    try {
      runWorkers(threads, 2_000, 20);
    } finally {
      threads.shutdownNow();
    }
  }

  private static void runWorkers(ExecutorService threads, int workers, int rounds) throws Exception {
    try (RedisDataSource ds = redis.dataSource("?poolMaxTotal=4&poolMaxWait=30s")) {
      List<Future<Integer>> results = new ArrayList<>();
      for (int w = 0; w < workers; w++) {
        int worker = w;
        results.add(threads.submit(() -> work(ds, worker, rounds)));
      }
      for (Future<Integer> result : results) {
        assertThat(result.get(120, TimeUnit.SECONDS)).isEqualTo(rounds);
      }
      assertThat(ds.poolStats().active()).isZero();
      assertThat(ds.poolStats().pending()).isZero();
      if (SuiteMode.multiplexed(ds)) {
        // Plain commands never pin: the pool lent nothing, and nothing is left on the lanes.
        assertThat(ds.poolStats().idle()).isZero();
        assertThat(ds.poolStats().laneCommands()).isZero();
      } else {
        assertThat(ds.poolStats().idle()).isBetween(1, 4);
      }
      try (RedisSession s = ds.openSession()) {
        assertThat(s.execute("DBSIZE").asLong()).isEqualTo(2L * workers);
      }
    }
  }

  private static int work(RedisDataSource ds, int worker, int rounds) {
    int checked = 0;
    for (int round = 0; round < rounds; round++) {
      try (RedisSession s = ds.openSession()) {
        String value = "worker-" + worker + "-round-" + round;
        s.set("value:" + worker, value);
        assertThat(s.get("value:" + worker)).isEqualTo(value);
        assertThat(s.incr("count:" + worker)).isEqualTo(round + 1L);
        checked++;
      }
    }
    return checked;
  }

  /** Reflection keeps this module compiling for Java 17; the test is skipped on JDKs without virtual threads. */
  private static ExecutorService virtualThreadExecutor() {
    try {
      return (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
    } catch (ReflectiveOperationException e) {
      Assumptions.abort("Virtual threads need JDK 21+; running on " + Runtime.version());
      throw new AssertionError(e);
    }
  }
}
