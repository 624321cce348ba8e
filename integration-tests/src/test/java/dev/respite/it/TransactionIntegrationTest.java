package dev.respite.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.respite.RedisDataSource;
import dev.respite.RedisException;
import dev.respite.RedisServerException;
import dev.respite.RedisSession;
import dev.respite.command.Response;
import dev.respite.command.Transaction;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** MULTI/EXEC with the typed commands, WATCH conflicts and the optimistic retry. */
class TransactionIntegrationTest {
  @RegisterExtension
  static final RedisServerExtension redis = RedisServerExtension.create();

  @Test
  void queuedResultsAreAvailableAfterExec() {
    try (RedisDataSource ds = redis.dataSource(""); RedisSession s = ds.openSession()) {
      @SuppressWarnings("unchecked")
      Response<Long>[] counter = new Response[1];
      @SuppressWarnings("unchecked")
      Response<String>[] value = new Response[1];
      boolean ran = s.transaction(tx -> {
        tx.queueVoid(c -> c.set("k", "v"));
        counter[0] = tx.queue(c -> c.incr("n"));
        value[0] = tx.queue(c -> c.get("k"));
      });
      assertThat(ran).isTrue();
      assertThat(counter[0].get()).isEqualTo(1);
      assertThat(value[0].get()).isEqualTo("v");
    }
  }

  @Test
  void aWatchedKeyChangedByAnotherClientAbortsTheTransaction() {
    try (RedisDataSource ds = redis.dataSource(""); RedisSession s = ds.openSession()) {
      s.set("balance", "100");
      s.watch("balance");
      String seen = s.get("balance");
      redis.admin().call("SET", "balance", "50"); // a concurrent writer
      Transaction<String, String> tx = s.multi();
      Response<Void> write = tx.queueVoid(c -> c.set("balance", Long.toString(Long.parseLong(seen) - 10)));
      assertThat(tx.exec()).isFalse();
      assertThatThrownBy(write::get).isInstanceOf(RedisException.class).hasMessageContaining("WATCH");
      assertThat(s.get("balance")).isEqualTo("50");
    }
  }

  @Test
  void optimisticRetryRereadsAfterAConflict() {
    try (RedisDataSource ds = redis.dataSource(""); RedisSession s = ds.openSession()) {
      s.set("stock", "10");
      AtomicInteger attempts = new AtomicInteger();
      long left = s.optimistic(5, List.of("stock"), tx -> {
        long stock = Long.parseLong(Objects.requireNonNull(s.get("stock")));
        if (attempts.incrementAndGet() == 1) {
          redis.admin().call("DECR", "stock"); // someone else bought one meanwhile
        }
        tx.queueVoid(c -> c.set("stock", Long.toString(stock - 1)));
        return stock - 1;
      });
      assertThat(attempts).hasValue(2);
      assertThat(left).isEqualTo(8);
      assertThat(s.get("stock")).isEqualTo("8");
    }
  }

  @Test
  void optimisticGivesUpAfterMaxAttempts() {
    try (RedisDataSource ds = redis.dataSource(""); RedisSession s = ds.openSession()) {
      assertThatThrownBy(() -> s.optimistic(2, List.of("hot"), tx -> {
        redis.admin().call("INCR", "hot");
        return tx.queue(c -> c.incr("hot"));
      })).isInstanceOf(RedisException.class).hasMessageContaining("2 times");
      assertThat(redis.admin().call("GET", "hot")).isEqualTo("2");
    }
  }

  @Test
  void anExceptionInTheBlockDiscardsEverythingAndReleasesWatches() {
    try (RedisDataSource ds = redis.dataSource("?poolMaxTotal=1")) {
      try (RedisSession s = ds.openSession()) {
        s.watch("w");
        assertThatThrownBy(() -> s.transaction(tx -> {
          tx.queueVoid(c -> c.set("w", "written"));
          throw new IllegalStateException("business rule failed");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(s.get("w")).isNull();
        // The watch was released: a change now does not abort the next transaction.
        redis.admin().call("SET", "w", "other");
        assertThat(s.transaction(tx -> tx.queueVoid(c -> c.set("w", "mine")))).isTrue();
        assertThat(s.get("w")).isEqualTo("mine");
      }
    }
  }

  @Test
  void aRuntimeErrorFailsOnlyItsOwnCommand() {
    try (RedisDataSource ds = redis.dataSource(""); RedisSession s = ds.openSession()) {
      s.set("text", "abc");
      @SuppressWarnings("unchecked")
      Response<Long>[] r = new Response[2];
      assertThat(s.transaction(tx -> {
        r[0] = tx.queue(c -> c.incr("text"));
        r[1] = tx.queue(c -> c.incr("n"));
      })).isTrue();
      assertThatThrownBy(r[0]::get).isInstanceOf(RedisServerException.class);
      assertThat(r[1].get()).isEqualTo(1);
    }
  }

  @Test
  void discardSendsNothingAndTheSessionStaysUsable() {
    try (RedisDataSource ds = redis.dataSource(""); RedisSession s = ds.openSession()) {
      Transaction<String, String> tx = s.multi();
      Response<Long> queued = tx.queue(c -> c.incr("n"));
      assertThat(s.get("n")).as("the session reads while the transaction is built").isNull();
      tx.discard();
      assertThatThrownBy(tx::exec).isInstanceOf(IllegalStateException.class);
      assertThat(queued.isDone()).isFalse();
      assertThat(s.get("n")).isNull();
    }
  }
}
