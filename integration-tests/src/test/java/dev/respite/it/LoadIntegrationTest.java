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
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 128 platform threads, then 10,000 virtual threads, share 16 connections for {@value #DEFAULT_COMMANDS}
 * commands in all (half each), every reply checked against what its own thread wrote; afterwards nothing is
 * lent and the server lists exactly the idle connections.
 *
 * <p>A longer soak: {@code -Drespite.load.commands=50000000} (split the same way; see the README).
 */
class LoadIntegrationTest {
  @RegisterExtension
  static final RedisServerExtension redis = RedisServerExtension.create();

  static final long DEFAULT_COMMANDS = 1_000_000;
  private static final long TOTAL_COMMANDS = Long.getLong("respite.load.commands", DEFAULT_COMMANDS);
  private static final int CONNECTIONS = 16;
  private static final int PLATFORM_THREADS = 128;
  private static final int VIRTUAL_THREADS = 10_000;
  /** Checked exchanges per session; each adds an INCR of the thread's own counter. */
  private static final int EXCHANGES_PER_SESSION = 8;
  private static final AtomicLong COMMANDS_RUN = new AtomicLong();

  @Test
  void platformThreadsOnSixteenConnectionsEachGetTheirOwnReplies() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(PLATFORM_THREADS);
    try {
      run(threads, "platform", PLATFORM_THREADS, TOTAL_COMMANDS / 2);
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void virtualThreadsOnSixteenConnectionsEachGetTheirOwnReplies() throws Exception {
    ExecutorService threads = virtualThreadExecutor();
    try {
      run(threads, "virtual", VIRTUAL_THREADS, TOTAL_COMMANDS - TOTAL_COMMANDS / 2);
    } finally {
      threads.shutdownNow();
    }
  }

  @AfterAll
  static void report() {
    System.out.println("[reliability] commands run under load, each reply checked: " + COMMANDS_RUN.get());
  }

  private static void run(ExecutorService threads, String kind, int workers, long commands) throws Exception {
    String name = "load-" + kind;
    // A long poolMaxWait: thousands of threads queue for 16 connections, and this test is not about waiting.
    try (RedisDataSource ds = redis.dataSource("?clientName=" + name + "&poolMaxTotal=" + CONNECTIONS
        + "&poolMaxWait=5m&socketTimeout=30s")) {
      long perWorker = Math.max(1, commands / workers);
      List<Future<Long>> results = new ArrayList<>();
      for (int w = 0; w < workers; w++) {
        String owner = kind + "-" + w;
        results.add(threads.submit(() -> work(ds, owner, perWorker)));
      }
      long done = 0;
      for (Future<Long> result : results) {
        done += result.get(10, TimeUnit.MINUTES);
      }
      COMMANDS_RUN.addAndGet(done);
      assertThat(done).isGreaterThanOrEqualTo(perWorker * workers);
      assertThat(ds.poolStats().pending()).isZero();
      if (SuiteMode.multiplexed(ds)) {
        assertThat(ds.poolStats().idle()).isZero(); // plain commands never pin (assertNoLeak counts the lanes)
      } else {
        assertThat(ds.poolStats().idle()).isBetween(1, CONNECTIONS);
      }
      ConnectionAccounting.assertNoLeak(redis, ds, name);
    }
  }

  /** Runs at least {@code commands} checked commands for one thread; returns how many ran. */
  private static long work(RedisDataSource ds, String owner, long commands) {
    long done = 0;
    long sequence = 0;
    long counter = 0;
    String counterKey = "count:" + owner;
    while (done < commands) {
      try (RedisSession s = ds.openSession()) {
        for (int i = 0; i < EXCHANGES_PER_SESSION && done < commands; i++) {
          done += OwnReplies.exchange(s, owner, sequence++);
        }
        long expected = ++counter;
        long actual = s.incr(counterKey);
        if (actual != expected) {
          throw new AssertionError("INCR " + counterKey + " expected " + expected + " but got " + actual);
        }
        done++;
      }
    }
    return done;
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
