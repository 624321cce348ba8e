package dev.respite.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.respite.RedisDataSource;
import dev.respite.RedisPoolExhaustedException;
import dev.respite.RedisSession;
import dev.respite.command.Pipeline;
import dev.respite.command.Response;
import dev.respite.testsupport.RawRedisClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Many threads on few lanes: every reply checked against its caller (single commands and pipelines,
 * platform and virtual threads), and the bound on what a lane holds.
 */
class MultiplexLoadIntegrationTest {
  @RegisterExtension
  static final RedisServerExtension redis = RedisServerExtension.create();

  @Test
  void everyReplyReachesItsOwnCallerUnderManyPlatformThreads() throws Exception {
    try (RedisDataSource ds = redis.dataSource("?multiplex=2&clientName=mxorder")) {
      ExecutorService threads = Executors.newFixedThreadPool(64);
      try {
        assertThat(runChecked(ds, threads, 64, 150)).isEqualTo(64L * 150 * 3 / 2 + pipelined(64, 150));
      } finally {
        threads.shutdownNow();
      }
      // No session ever borrowed: the server only ever saw the two lanes.
      ConnectionAccounting.assertNoLeak(redis, ds, "mxorder", 2);
    }
  }

  /**
   * Threads that pause at random between commands find the one lane now idle (and read their own reply),
   * now busy (the reader thread reads), so the read role changes hands all the time: every reply must
   * still reach its own caller, once.
   */
  @Test
  void everyReplyReachesItsOwnCallerWhileTheReadRoleChangesHands() throws Exception {
    try (RedisDataSource ds = redis.dataSource("?multiplex=1&clientName=mxhandover")) {
      ExecutorService threads = Executors.newFixedThreadPool(6);
      try {
        List<Future<Long>> results = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
          String owner = "handover-" + t;
          results.add(threads.submit(() -> {
            long commands = 0;
            java.util.Random random = new java.util.Random(owner.hashCode());
            for (int i = 0; i < 400; i++) {
              try (RedisSession s = ds.openSession()) {
                commands += OwnReplies.exchange(s, owner, i);
              }
              if (random.nextInt(4) == 0) {
                TimeUnit.MICROSECONDS.sleep(random.nextInt(300));
              }
            }
            return commands;
          }));
        }
        long total = 0;
        for (Future<Long> result : results) {
          total += result.get(60, TimeUnit.SECONDS);
        }
        assertThat(total).isEqualTo(6L * 400 * 3 / 2);
      } finally {
        threads.shutdownNow();
      }
      assertThat(ds.poolStats().laneCommands()).isZero();
      ConnectionAccounting.assertNoLeak(redis, ds, "mxhandover", 1);
    }
  }

  @Test
  void everyReplyReachesItsOwnCallerUnderThousandsOfVirtualThreads() throws Exception {
    ExecutorService threads;
    try {
      threads = (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
    } catch (NoSuchMethodException e) {
      Assumptions.abort("virtual threads need JDK 21+");
      return;
    }
    try (RedisDataSource ds = redis.dataSource("?multiplex=2&clientName=mxvirtual&socketTimeout=20s")) {
      try {
        assertThat(runChecked(ds, threads, 2_000, 10)).isEqualTo(2_000L * 10 * 3 / 2 + pipelined(2_000, 10));
      } finally {
        threads.shutdownNow();
      }
      ConnectionAccounting.assertNoLeak(redis, ds, "mxvirtual", 2);
    }
  }

  /** Commands sent by {@link #runChecked}'s pipelines: one in three rounds, five INCRs each. */
  private static long pipelined(int threads, int rounds) {
    long perThread = 0;
    for (int i = 0; i < rounds; i++) {
      perThread += i % 3 == 0 ? 5 : 0;
    }
    return threads * perThread;
  }

  /**
   * Each thread runs {@code rounds} checked exchanges (a session each: ECHO, or SET then GET of its own
   * key) and, every third round, a pipeline of INCRs of its own counter whose replies must count up.
   *
   * @return the commands sent
   */
  private static long runChecked(RedisDataSource ds, ExecutorService threads, int count, int rounds)
      throws Exception {
    List<Future<Long>> results = new ArrayList<>();
    for (int t = 0; t < count; t++) {
      String owner = "order-" + t;
      results.add(threads.submit(() -> {
        long commands = 0;
        long counted = 0;
        for (int i = 0; i < rounds; i++) {
          try (RedisSession s = ds.openSession()) {
            commands += OwnReplies.exchange(s, owner, i);
            if (i % 3 == 0) {
              List<Response<Long>> replies = new ArrayList<>();
              try (Pipeline<String, String> p = s.pipeline()) {
                for (int j = 0; j < 5; j++) {
                  replies.add(p.queue(c -> c.incr("count:" + owner)));
                }
                p.sync();
              }
              for (Response<Long> reply : replies) {
                assertThat(reply.get()).as("INCR of %s", owner).isEqualTo(++counted);
              }
              commands += 5;
            }
          }
        }
        return commands;
      }));
    }
    long total = 0;
    for (Future<Long> result : results) {
      total += result.get(120, TimeUnit.SECONDS);
    }
    return total;
  }

  @Test
  void aFullLaneMakesCallersWaitAtMostPoolMaxWait() throws Exception {
    try (RedisDataSource ds = redis.dataSource(
        "?multiplex=1&multiplexMaxInFlight=2&poolMaxWait=300ms&socketTimeout=20s&clientName=mxfull")) {
      try (RedisSession s = ds.openSession()) {
        s.set("full:k", "v");
      }
      ExecutorService threads = Executors.newFixedThreadPool(2);
      try (RawRedisClient admin = redis.admin()) {
        admin.call("CLIENT", "PAUSE", "5000", "ALL");
        try {
          List<Future<String>> stuck = new ArrayList<>();
          for (int i = 0; i < 2; i++) {
            stuck.add(threads.submit(() -> {
              try (RedisSession s = ds.openSession()) {
                return s.get("full:k");
              }
            }));
          }
          long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(4);
          while (ds.poolStats().laneCommands() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(5);
          }
          assertThat(ds.poolStats().laneCommands()).isEqualTo(2);
          long start = System.nanoTime();
          Throwable full;
          try (RedisSession third = ds.openSession()) {
            full = catchThrowable(() -> third.get("full:k"));
          }
          long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
          assertThat(full).isInstanceOf(RedisPoolExhaustedException.class);
          assertThat(waitedMillis).isBetween(250L, 3_000L);
          admin.call("CLIENT", "UNPAUSE");
          for (Future<String> waiting : stuck) {
            assertThat(waiting.get(10, TimeUnit.SECONDS)).isEqualTo("v");
          }
        } finally {
          admin.call("CLIENT", "UNPAUSE");
        }
      } finally {
        threads.shutdownNow();
      }
      assertThat(ds.poolStats().laneCommands()).isZero();
    }
  }
}
