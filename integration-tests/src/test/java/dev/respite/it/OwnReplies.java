package dev.respite.it;

import dev.respite.RedisDataSource;
import dev.respite.RedisSession;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Commands whose replies can only be right if they are this caller's own: each carries a token naming the
 * caller and its sequence number, and the reply must echo it back. A reply meant for another command
 * (another thread's, or a late one from an earlier timeout) fails with an {@link AssertionError} that says
 * whose it was.
 */
final class OwnReplies {
  private OwnReplies() {}

  /**
   * Runs one checked exchange on {@code session}: an {@code ECHO}, or a {@code SET} then {@code GET} of the
   * caller's own key, by turns.
   *
   * @return how many commands it sent (1 or 2)
   */
  static int exchange(RedisSession session, String owner, long sequence) {
    String token = owner + "#" + sequence;
    if (sequence % 2 == 0) {
      expect(session.execute("ECHO", token).asString(), token, "ECHO");
      return 1;
    }
    String key = "own:" + owner;
    session.set(key, token);
    expect(session.get(key), token, "GET " + key);
    return 2;
  }

  static void expect(String actual, String expected, String command) {
    if (!expected.equals(actual)) {
      throw new AssertionError(command + " expected its own reply " + expected + " but got " + actual
          + " (a reply that belongs to someone else)");
    }
  }

  /**
   * Runs {@code exchanges} checked exchanges on each of {@code threads} platform threads, a session each
   * time, and fails if any reply is not its own or any thread takes longer than a minute.
   *
   * @return the commands sent
   */
  static long inParallel(RedisDataSource ds, String prefix, int threads, int exchanges) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Long>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        String owner = prefix + "-" + t;
        results.add(pool.submit(() -> {
          long commands = 0;
          for (int i = 0; i < exchanges; i++) {
            try (RedisSession s = ds.openSession()) {
              commands += exchange(s, owner, i);
            }
          }
          return commands;
        }));
      }
      long total = 0;
      for (Future<Long> result : results) {
        total += result.get(60, TimeUnit.SECONDS);
      }
      return total;
    } finally {
      pool.shutdownNow();
    }
  }
}
