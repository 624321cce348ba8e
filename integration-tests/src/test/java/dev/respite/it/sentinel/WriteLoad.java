package dev.respite.it.sentinel;

import dev.respite.RedisDataSource;
import dev.respite.RedisException;
import dev.respite.RedisSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Eight threads, each on one long-lived session, writing unique keys ({@code SET w:<run>:<thread>:<n> n}) about
 * 1,000 times a second each, recording every acknowledged key, every failure by exception type, and when
 * the first write succeeded after a given moment. What a failover costs is read from it afterwards.
 */
final class WriteLoad implements AutoCloseable {
  static final int THREADS = 8;
  private static final long PAUSE_NANOS = 1_000_000;

  private final String run;
  private final AtomicBoolean stop = new AtomicBoolean();
  private final List<Thread> threads = new ArrayList<>();
  private final Queue<String> acknowledged = new ConcurrentLinkedQueue<>();
  private final Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
  private final Queue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
  private final AtomicLong lastFailureNanos = new AtomicLong();
  private final AtomicLong successes = new AtomicLong();
  private final AtomicLong longestCallNanos = new AtomicLong();
  private final Queue<Long> successTimes = new ConcurrentLinkedQueue<>();

  private WriteLoad(String run) {
    this.run = run;
  }

  static WriteLoad start(RedisDataSource redis, String run) {
    WriteLoad load = new WriteLoad(run);
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      Thread worker = new Thread(() -> load.write(redis, thread), "sentinel-load-" + run + "-" + t);
      load.threads.add(worker);
      worker.start();
    }
    return load;
  }

  private void write(RedisDataSource redis, int thread) {
    RedisSession session = null;
    long n = 0;
    while (!stop.get()) {
      String key = "w:" + run + ":" + thread + ":" + n++;
      long start = System.nanoTime();
      try {
        if (session == null) {
          session = redis.openSession();
        }
        session.set(key, Long.toString(n));
        long now = System.nanoTime();
        acknowledged.add(key);
        successes.incrementAndGet();
        successTimes.add(now);
      } catch (RedisException e) {
        failures.computeIfAbsent(e.getClass().getSimpleName() + ": " + firstWords(e.getMessage()),
            k -> new AtomicLong()).incrementAndGet();
        lastFailureNanos.set(System.nanoTime());
        LockSupport.parkNanos(20_000_000); // as an application's retry would back off
      } catch (Throwable e) {
        unexpected.add(e);
      }
      longestCallNanos.accumulateAndGet(System.nanoTime() - start, Math::max);
      LockSupport.parkNanos(PAUSE_NANOS);
    }
    if (session != null) {
      session.close();
    }
  }

  private static String firstWords(String message) {
    String[] words = message == null ? new String[0] : message.split(" ");
    return String.join(" ", java.util.Arrays.copyOf(words, Math.min(words.length, 6)));
  }

  /** Waits until some write succeeded after {@code nanos}, at most {@code timeoutMillis}; its time, or -1. */
  long awaitSuccessAfter(long nanos, long timeoutMillis) throws InterruptedException {
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
    while (System.nanoTime() < deadline) {
      long first = firstSuccessAfter(nanos);
      if (first > 0) {
        return first;
      }
      Thread.sleep(5);
    }
    return -1;
  }

  long firstSuccessAfter(long nanos) {
    long first = -1;
    for (long t : successTimes) {
      if (t > nanos && (first < 0 || t < first)) {
        first = t;
      }
    }
    return first;
  }

  /** The longest time no thread had a write acknowledged, between the first and the last success. */
  long longestGapMillis() {
    long[] times = successTimes.stream().mapToLong(Long::longValue).sorted().toArray();
    long gap = 0;
    for (int i = 1; i < times.length; i++) {
      gap = Math.max(gap, times[i] - times[i - 1]);
    }
    return gap / 1_000_000;
  }

  List<String> acknowledged() {
    return List.copyOf(acknowledged);
  }

  long failed() {
    return failures.values().stream().mapToLong(AtomicLong::get).sum();
  }

  Map<String, AtomicLong> failures() {
    return failures;
  }

  long lastFailureNanos() {
    return lastFailureNanos.get();
  }

  long successes() {
    return successes.get();
  }

  long longestCallMillis() {
    return longestCallNanos.get() / 1_000_000;
  }

  Queue<Throwable> unexpected() {
    return unexpected;
  }

  @Override
  public void close() throws InterruptedException {
    stop.set(true);
    for (Thread worker : threads) {
      worker.join(30_000);
    }
  }
}
