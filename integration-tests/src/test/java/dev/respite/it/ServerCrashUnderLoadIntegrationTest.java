package dev.respite.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.respite.RedisConnectionException;
import dev.respite.RedisDataSource;
import dev.respite.RedisSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The server is killed with SIGKILL, twice, while eight threads run commands, then started again on the
 * same port: while it is down, commands fail with {@link RedisConnectionException} and nothing else; no
 * command waits longer than its timeouts allow; once it is back every thread succeeds again on the same
 * data source, with its own replies, and no connection leaked.
 */
class ServerCrashUnderLoadIntegrationTest {
  @RegisterExtension
  static final RedisServerExtension redis = RedisServerExtension.create();

  private static final int THREADS = 8;
  private static final int CRASHES = 2;
  /** connectTimeout + socketTimeout + poolMaxWait below, plus a wide margin for a loaded machine. */
  private static final long LONGEST_CALL_MILLIS = 500 + 1_000 + 1_000 + 5_000;

  @Test
  void killNineUnderLoadFailsFastWithConnectionErrorsAndRecoversWithoutARestart() throws Exception {
    String options = "?clientName=crash&poolMaxTotal=" + THREADS
        + "&connectTimeout=500ms&socketTimeout=1s&poolMaxWait=1s";
    try (RedisDataSource ds = redis.dataSource(options)) {
      AtomicBoolean stop = new AtomicBoolean();
      AtomicLong commands = new AtomicLong();
      AtomicLong failures = new AtomicLong();
      AtomicLong longestCallNanos = new AtomicLong();
      AtomicLongArray lastSuccessNanos = new AtomicLongArray(THREADS);
      Queue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
      List<Thread> threads = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        Thread worker = new Thread(() -> {
          long sequence = 0;
          while (!stop.get()) {
            long start = System.nanoTime();
            try (RedisSession s = ds.openSession()) {
              commands.addAndGet(OwnReplies.exchange(s, "crash-" + thread, sequence++));
              lastSuccessNanos.set(thread, System.nanoTime());
            } catch (RedisConnectionException e) {
              failures.incrementAndGet();
              ConnectionAccounting.sleep(20); // as an application's retry would back off
            } catch (Throwable e) {
              unexpected.add(e); // a wrong reply (AssertionError) or another exception type
            }
            longestCallNanos.accumulateAndGet(System.nanoTime() - start, Math::max);
          }
        }, "crash-load-" + t);
        threads.add(worker);
        worker.start();
      }
      try {
        for (int crash = 0; crash < CRASHES; crash++) {
          awaitEveryThreadSucceedsAfter(lastSuccessNanos, System.nanoTime());
          ConnectionAccounting.sleep(700); // a stretch of healthy load before the crash
          redis.kill();
          long failuresBefore = failures.get();
          ConnectionAccounting.sleep(1_500);
          assertThat(failures.get()).as("failures while the server is down").isGreaterThan(failuresBefore);
          redis.start();
          awaitEveryThreadSucceedsAfter(lastSuccessNanos, System.nanoTime());
        }
      } finally {
        stop.set(true);
        for (Thread worker : threads) {
          worker.join(30_000);
          assertThat(worker.isAlive()).as(worker.getName() + " still running").isFalse();
        }
      }
      assertThat(unexpected).as("wrong replies or unexpected exceptions").isEmpty();
      assertThat(longestCallNanos.get() / 1_000_000).as("longest call, ms").isLessThan(LONGEST_CALL_MILLIS);
      System.out.println("[reliability] kill -9 under load: " + CRASHES + " crashes, " + commands.get()
          + " commands checked, " + failures.get() + " failed with RedisConnectionException while down");
      ConnectionAccounting.assertNoLeak(redis, ds, "crash");
    }
  }

  /** Waits until each thread has had a success after {@code sinceNanos}: the data source works for all. */
  private static void awaitEveryThreadSucceedsAfter(AtomicLongArray lastSuccessNanos, long sinceNanos) {
    long deadline = System.nanoTime() + 20_000_000_000L;
    for (int t = 0; t < lastSuccessNanos.length(); t++) {
      while (lastSuccessNanos.get(t) - sinceNanos <= 0) {
        assertThat(System.nanoTime() - deadline).as("thread %d never succeeded again", t).isNegative();
        ConnectionAccounting.sleep(20);
      }
    }
  }
}
