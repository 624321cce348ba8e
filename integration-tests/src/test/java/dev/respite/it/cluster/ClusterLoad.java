package dev.respite.it.cluster;

import dev.respite.RedisDataSource;
import dev.respite.RedisServerException;
import dev.respite.RedisSession;
import dev.respite.command.Pipeline;
import dev.respite.command.Response;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntPredicate;
import org.jspecify.annotations.Nullable;

/**
 * Checked load on a cluster data source: each thread, about once a millisecond, SETs then GETs a key of its own,
 * INCRs a shared counter, and MSETs then MGETs two keys of its own hash tag, and checks every reply. A wrong
 * reply is a failure like an exception. Each round also sends a pipeline (two keys of different slots) and a
 * transaction on its hash tag, both checked. {@link #commands()} counts the commands of the exchanges that passed
 * ({@code MULTI}/{@code EXEC} not included). Every acknowledged INCR is counted, and every INCR that failed is counted
 * as in doubt (it may or may not have run), so that {@link #checkCounters} can prove no INCR ran twice.
 *
 * <p>Also records when a write last failed and when it first succeeded on a watched set of slots
 * ({@link #watchSlots}), for the failover figures.
 */
final class ClusterLoad implements AutoCloseable {
  static final int COUNTERS = 16;
  private static final long PAUSE_NANOS = 1_000_000;
  private static final int KEYS_PER_THREAD = 64;

  private final RedisDataSource dataSource;
  private final List<Thread> threads = new ArrayList<>();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicLong commands = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private final AtomicLongArray ackedIncrements = new AtomicLongArray(COUNTERS);
  private final AtomicLongArray doubtfulIncrements = new AtomicLongArray(COUNTERS);
  private final ConcurrentLinkedQueue<String> failureSamples = new ConcurrentLinkedQueue<>();
  private final List<String> extraKeys;
  private final String scenario;
  private volatile IntPredicate watchedSlot = slot -> false;
  private final AtomicLong firstWatchedSuccessNanos = new AtomicLong();
  private final AtomicLong lastFailureNanos = new AtomicLong();
  private volatile @Nullable String lastFailure;

  /**
   * Starts {@code threadCount} threads whose counters are named after {@code scenario}; {@code extraKeys} (keys
   * of one slot) are also SET and read back, and MGET in pairs, by every thread.
   */
  ClusterLoad(String scenario, RedisDataSource dataSource, int threadCount, List<String> extraKeys) {
    this.scenario = scenario;
    this.dataSource = dataSource;
    this.extraKeys = List.copyOf(extraKeys);
    for (int t = 0; t < threadCount; t++) {
      int id = t;
      Thread thread = new Thread(() -> work(id), "cluster-load-" + t);
      thread.setDaemon(true);
      threads.add(thread);
      thread.start();
    }
  }

  private void work(int id) {
    long step = 0;
    while (running.get()) {
      step++;
      // A session per unit of work, as applications use them: its node connections go back to the pools.
      try (RedisSession session = dataSource.openSession()) {
        String key = "load:" + id + ":" + step % KEYS_PER_THREAD;
        String value = id + "-" + step;
        check(2, () -> {
          session.set(key, value);
          noteWrite(key);
          expect("GET " + key, value, session.get(key));
        });
        int counter = (int) (step % COUNTERS);
        try {
          session.incr(counterKey(counter));
          ackedIncrements.incrementAndGet(counter);
          commands.incrementAndGet();
        } catch (RuntimeException e) {
          doubtfulIncrements.incrementAndGet(counter);
          failed("INCR", e);
        }
        String tag = "{tag" + id + "}";
        check(2, () -> {
          Map<String, String> pair = new LinkedHashMap<>();
          pair.put(tag + "a", value);
          pair.put(tag + "b", value + "b");
          session.mset(pair);
          expect("MGET " + tag, List.of(value, value + "b"), session.mget(tag + "a", tag + "b"));
        });
        String piped = "piped:" + id + ":" + step % KEYS_PER_THREAD;
        check(3, () -> {
          Response<String> read;
          try (Pipeline<String, String> pipeline = session.pipeline()) {
            pipeline.queueVoid(c -> c.set(piped, value));
            pipeline.queueVoid(c -> c.set(tag + "p", value));
            read = pipeline.queue(c -> c.get(piped));
          }
          expect("pipelined GET " + piped, value, read.get());
        });
        check(2, () -> {
          Response<?>[] holder = new Response<?>[1];
          boolean committed = session.transaction(tx -> {
            tx.queueVoid(c -> c.set(tag + "tx", value));
            holder[0] = tx.queue(c -> c.get(tag + "tx"));
          });
          expect("transaction committed", true, committed);
          expect("GET in a transaction", value, holder[0].get());
        });
        if (!extraKeys.isEmpty()) {
          String extra = extraKeys.get((int) (step % extraKeys.size())) + ":t" + id; // same tag, own key
          check(2, () -> {
            session.set(extra, value);
            expect("GET " + extra, value, session.get(extra));
          });
        }
        if (extraKeys.size() > 1) {
          int first = (int) (step % (extraKeys.size() - 1));
          check(1, () -> expect("MGET of two extra keys", 2,
              session.mget(extraKeys.get(first) + ":t" + id, extraKeys.get(first + 1) + ":t" + id).size()));
        }
      }
      LockSupport.parkNanos(PAUSE_NANOS);
    }
  }

  private void noteWrite(String key) {
    if (watchedSlot.test(ClusterKeys.slot(key))) {
      firstWatchedSuccessNanos.compareAndSet(0, System.nanoTime());
    }
  }

  /** Runs an exchange of {@code count} commands, each reply checked; counts them if all passed. */
  private void check(int count, Runnable exchange) {
    try {
      exchange.run();
      commands.addAndGet(count);
    } catch (RuntimeException | AssertionError e) {
      failed("exchange", e);
    }
  }

  private static void expect(String what, Object expected, Object actual) {
    if (!Objects.equals(expected, actual)) {
      throw new AssertionError(what + " returned " + actual + ", expected " + expected);
    }
  }

  private void failed(String what, Throwable e) {
    failures.incrementAndGet();
    lastFailureNanos.set(System.nanoTime());
    lastFailure = what + " (ClusterLoad line " + loadLine(e) + "): " + e
        + (e.getSuppressed().length == 0 ? "" : " " + List.of(e.getSuppressed()));
    if (failureSamples.size() < 20) {
      failureSamples.add(what + ": " + e + (e instanceof RedisServerException ? "" : ""));
    }
  }

  /** The line of this class in {@code e}'s stack: which exchange failed. */
  private static int loadLine(Throwable e) {
    for (StackTraceElement frame : e.getStackTrace()) {
      if (frame.getClassName().startsWith(ClusterLoad.class.getName())) {
        return frame.getLineNumber();
      }
    }
    return -1;
  }

  /** From now on, record the first successful SET of a key in a slot {@code slots} accepts. */
  void watchSlots(IntPredicate slots) {
    firstWatchedSuccessNanos.set(0);
    watchedSlot = slots;
  }

  /** When the first write to a watched slot succeeded ({@link System#nanoTime()}), 0 if none yet. */
  long firstWatchedSuccessNanos() {
    return firstWatchedSuccessNanos.get();
  }

  /** What failed last, null if nothing did. */
  @Nullable String lastFailure() {
    return lastFailure;
  }

  /** When the last failure happened, 0 if none. */
  long lastFailureNanos() {
    return lastFailureNanos.get();
  }

  long commands() {
    return commands.get();
  }

  long failures() {
    return failures.get();
  }

  List<String> failureSamples() {
    return Collections.unmodifiableList(new ArrayList<>(failureSamples));
  }

  /** Counter {@code i}'s acknowledged increments. */
  long acked(int counter) {
    return ackedIncrements.get(counter);
  }

  /** Counter {@code i}'s failed increments, which may or may not have run. */
  long doubtful(int counter) {
    return doubtfulIncrements.get(counter);
  }

  /** The key of counter {@code i}. */
  String counterKey(int counter) {
    return "counter:" + scenario + ":" + counter;
  }

  /** Stops the threads and waits for them. */
  @Override
  public void close() {
    running.set(false);
    for (Thread thread : threads) {
      try {
        thread.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
