package dev.respite.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.respite.RedisServerException;
import dev.respite.RedisSession;
import dev.respite.command.MigrateOptions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** SAVE, BGSAVE, BGREWRITEAOF and MIGRATE (to a second server) against real servers. */
class PersistenceCommandsIntegrationTest extends SessionPerTest {
  @RegisterExtension
  static final RedisServerExtension redis = RedisServerExtension.create();
  @RegisterExtension
  static final RedisServerExtension target = RedisServerExtension.create();

  @Override
  RedisServerExtension server() {
    return redis;
  }

  @Test
  void saveWritesASnapshotBeforeReturning() {
    s.set("k", "v");
    assertThat(s.serverInfo("persistence").get("rdb_changes_since_last_save")).isNotEqualTo("0");
    s.save();
    assertThat(s.serverInfo("persistence").get("rdb_changes_since_last_save")).isEqualTo("0");
  }

  @Test
  void bgsaveAndBgrewriteaofStartBackgroundWork() throws InterruptedException {
    s.set("k", "v");
    assertThat(s.bgsave()).startsWith("Background saving started");
    awaitField("rdb_bgsave_in_progress", "0");
    assertThat(s.serverInfo("persistence").get("rdb_last_bgsave_status")).isEqualTo("ok");
    assertThat(s.bgrewriteaof()).startsWith("Background append only file rewriting");
    awaitField("aof_rewrite_in_progress", "0");
    awaitField("aof_rewrite_scheduled", "0");
    assertThat(s.serverInfo("persistence").get("aof_last_bgrewrite_status")).isEqualTo("ok");
  }

  @Test
  void migrateMovesOrCopiesKeysToAnotherServer() {
    try (RedisSession there = target.dataSource(options()).openSession(2)) {
      s.set("a", "1");
      s.set("b", "2");
      Duration timeout = Duration.ofSeconds(2);
      assertThat(s.migrate(target.host(), target.port(), 2, timeout, MigrateOptions.none(), "a", "b", "missing"))
          .isTrue();
      assertThat(s.countExisting(List.of("a", "b"))).isZero();
      assertThat(there.mget("a", "b")).containsExactly("1", "2");
      s.set("a", "new");
      assertThat(s.migrate(target.host(), target.port(), 2, timeout, MigrateOptions.none().copy().replace(), "a"))
          .isTrue();
      assertThat(s.get("a")).as("COPY leaves it here").isEqualTo("new");
      assertThat(there.get("a")).as("REPLACE overwrote it there").isEqualTo("new");
      assertThatThrownBy(() -> s.migrate(target.host(), target.port(), 2, timeout, MigrateOptions.none().copy(), "a"))
          .isInstanceOf(RedisServerException.class).hasMessageContaining("BUSYKEY");
      assertThat(s.migrate(target.host(), target.port(), 2, timeout, MigrateOptions.none(), "missing"))
          .as("NOKEY").isFalse();
    }
    assertThatThrownBy(() -> s.migrate(target.host(), 0, 0, Duration.ofSeconds(1), MigrateOptions.none(), "a"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("port");
    assertThat(MigrateOptions.none().auth("app", "s3cret-pw").toString()).doesNotContain("s3cret-pw");
  }

  private void awaitField(String field, String expected) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!expected.equals(s.serverInfo("persistence").get(field)) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(s.serverInfo("persistence").get(field)).isEqualTo(expected);
  }
}
