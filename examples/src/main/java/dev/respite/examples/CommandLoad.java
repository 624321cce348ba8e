package dev.respite.examples;

import dev.respite.RedisDataSource;
import dev.respite.RedisException;
import dev.respite.RedisServerException;
import dev.respite.RedisSession;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small, steady load for the dashboard to show: a few threads, more than the pool has connections (so
 * some wait), running {@code SET}/{@code GET}/{@code INCR} and, now and then, a command on a key of the
 * wrong type (so the error panel has a {@code WRONGTYPE}) or a {@code PUBLISH} to a subscriber (so the
 * subscriber panel has messages). Each thread pauses between rounds to leave the machine's CPU to others.
 */
final class CommandLoad implements AutoCloseable {
  private static final long PAUSE_MICROS = 500;
  private static final int ERROR_EVERY = 50;
  private static final int PUBLISH_EVERY = 10;
  private static final String CHANNEL = "example:events";

  private final RedisDataSource redis;
  private final List<Thread> workers = new ArrayList<>();
  private final AtomicLong rounds = new AtomicLong();
  private final AtomicLong received = new AtomicLong();
  private volatile boolean running = true;

  private CommandLoad(RedisDataSource redis) {
    this.redis = redis;
  }

  /** Starts {@code threads} platform threads against {@code redis}. */
  static CommandLoad start(RedisDataSource redis, int threads) {
    CommandLoad load = new CommandLoad(redis);
    try (RedisSession session = redis.openSession()) {
      session.execute("DEL", "example:list");
      session.execute("RPUSH", "example:list", "not a string");
    }
    // Closed with the data source.
    redis.openSubscriber(message -> load.received.incrementAndGet()).subscribe(CHANNEL);
    for (int i = 0; i < threads; i++) {
      Thread worker = new Thread(load::run, "respite-example-load-" + i);
      worker.setDaemon(true);
      load.workers.add(worker);
      worker.start();
    }
    return load;
  }

  private void run() {
    String key = "example:" + Thread.currentThread().getName();
    while (running) {
      long round = rounds.incrementAndGet();
      try (RedisSession session = redis.openSession()) {
        session.set(key, Long.toString(round));
        session.get(key);
        session.incr(key + ":count");
        if (round % PUBLISH_EVERY == 0) {
          session.publish(CHANNEL, Long.toString(round));
        }
        if (round % ERROR_EVERY == 0) {
          session.get("example:list");
        }
      } catch (RedisServerException expected) {
        // The WRONGTYPE reply the load provokes on purpose; metrics have recorded it.
      } catch (RedisException e) {
        if (running) {
          System.err.println("Load: " + e.getMessage());
        }
      }
      if (!pause()) {
        return;
      }
    }
  }

  /** Sleeps a little; false if interrupted, which ends the thread. */
  private static boolean pause() {
    try {
      TimeUnit.MICROSECONDS.sleep(PAUSE_MICROS);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Rounds run so far by all threads. */
  long rounds() {
    return rounds.get();
  }

  /** Messages the subscriber has received. */
  long received() {
    return received.get();
  }

  /** Stops the threads and waits for them. */
  @Override
  public void close() {
    running = false;
    for (Thread worker : workers) {
      try {
        worker.join(TimeUnit.SECONDS.toMillis(5));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
