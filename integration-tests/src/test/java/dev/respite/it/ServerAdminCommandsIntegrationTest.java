package dev.respite.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.respite.RedisDataSource;
import dev.respite.RedisServerException;
import dev.respite.RedisSession;
import dev.respite.command.ClientInfo;
import dev.respite.command.ClientKillFilter;
import dev.respite.command.ClientType;
import dev.respite.command.FlushMode;
import dev.respite.command.PauseMode;
import dev.respite.command.ServerInfo;
import dev.respite.command.SlowLogEntry;
import dev.respite.command.WaitAofResult;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** INFO parsed, CONFIG SET, FLUSHALL/FLUSHDB modes, WAITAOF, CLIENT and SLOWLOG against a real server. */
class ServerAdminCommandsIntegrationTest extends SessionPerTest {
  @RegisterExtension
  static final RedisServerExtension redis = RedisServerExtension.create();

  @Override
  RedisServerExtension server() {
    return redis;
  }

  @Test
  void serverInfoParsesSectionsAndFields() {
    s.set("k", "v");
    ServerInfo info = s.serverInfo();
    assertThat(info.sectionNames()).contains("server", "clients", "memory", "keyspace");
    assertThat(info.section("Server").get("redis_version")).isEqualTo(redis.redisVersion());
    assertThat(info.get("redis_version")).isEqualTo(redis.redisVersion());
    assertThat(info.section("keyspace").get("db0")).startsWith("keys=1,");
    assertThat(Long.parseLong(info.get("connected_clients"))).isPositive();
    assertThat(info.get("no_such_field")).isNull();
    assertThat(info.section("no_such_section")).isEmpty();
    ServerInfo two = s.serverInfo("memory", "clients");
    assertThat(two.sectionNames()).containsExactlyInAnyOrder("memory", "clients");
    assertThat(two.get("used_memory")).isNotNull();
    assertThat(s.info()).as("the text form is unchanged").contains("redis_version:");
  }

  @Test
  void configSetChangesOneOrManyParameters() {
    Map<String, String> before = s.configGet("maxmemory-samples");
    try {
      s.configSet("maxmemory-samples", "7");
      assertThat(s.configGet("maxmemory-samples")).containsEntry("maxmemory-samples", "7");
      Map<String, String> two = new LinkedHashMap<>();
      two.put("maxmemory-samples", "9");
      two.put("slowlog-max-len", "200");
      s.configSet(two);
      assertThat(s.configGet("maxmemory-samples")).containsEntry("maxmemory-samples", "9");
      assertThat(s.configGet("slowlog-max-len")).containsEntry("slowlog-max-len", "200");
      assertThatThrownBy(() -> s.configSet("maxmemory-samples", "not-a-number"))
          .isInstanceOf(RedisServerException.class);
      assertThatThrownBy(() -> s.configSet(Map.of())).isInstanceOf(IllegalArgumentException.class);
    } finally {
      s.configSet(Map.of("maxmemory-samples", before.get("maxmemory-samples"), "slowlog-max-len", "128"));
    }
  }

  @Test
  void flushallAndFlushdbTakeAMode() {
    s.set("a", "1");
    try (RedisSession other = redis.dataSource(options()).openSession(3)) {
      other.set("b", "2");
      s.flushdb(FlushMode.SYNC);
      assertThat(s.dbsize()).isZero();
      assertThat(other.dbsize()).as("FLUSHDB leaves database 3").isEqualTo(1);
      s.set("a", "1");
      s.flushall(FlushMode.ASYNC);
      assertThat(s.get("a")).isNull();
      assertThat(other.get("b")).isNull();
      s.set("c", "3");
      s.flushall(FlushMode.SYNC);
      s.flushdb(FlushMode.ASYNC);
      assertThat(s.dbsize()).isZero();
    }
  }

  @Test
  void waitAofCountsTheFsyncedCopies() {
    String version = redis.redisVersion();
    assumeTrue(atLeast(version, 7, 2), () -> "WAITAOF needs Redis 7.2+, the server is " + version);
    s.set("k", "v");
    assertThat(s.waitAof(0, 0, Duration.ofMillis(100))).isEqualTo(new WaitAofResult(0, 0));
    assertThatThrownBy(() -> s.waitAof(2, 0, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void clientInfoAndListDescribeTheConnections() {
    ClientInfo me = s.clientInfo();
    assertThat(me.id()).isEqualTo(s.clientId());
    assertThat(me.database()).isZero();
    assertThat(me.name()).isNull();
    assertThat(me.address()).contains(":");
    assertThat(me.get("cmd")).isEqualTo("client|info");
    List<ClientInfo> all = s.clientList();
    assertThat(all).extracting(ClientInfo::id).contains(me.id());
  }

  @Test
  void clientKillClosesTheConnectionsAFilterMatches() {
    RedisDataSource victims = redis.dataSource(options());
    try (RedisSession one = victims.openSession(); RedisSession two = victims.openSession()) {
      ClientInfo first = one.clientInfo();
      ClientInfo second = two.clientInfo();
      assertThat(s.clientKill(ClientKillFilter.byId(first.id()))).isEqualTo(1);
      assertThat(s.clientKill(ClientKillFilter.byId(first.id()))).as("already gone").isZero();
      assertThat(s.clientKill(ClientKillFilter.byAddress(second.address()).type(ClientType.NORMAL)))
          .isEqualTo(1);
      assertThat(s.clientList()).extracting(ClientInfo::id).doesNotContain(first.id(), second.id());
      assertThat(s.clientKill(ClientKillFilter.byId(s.clientId()))).as("SKIPME yes by default").isZero();
    }
    assertThatThrownBy(() -> ClientKillFilter.byId(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ClientKillFilter.byAddress("no-port")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ip:port");
  }

  @Test
  void clientPauseWriteHoldsWritesUntilUnpaused() throws Exception {
    RedisDataSource others = redis.dataSource(options());
    try (RedisSession reader = others.openSession(); RedisSession writer = others.openSession()) {
      reader.ping();
      writer.ping();
      CompletableFuture<Void> write;
      try {
        s.clientPause(Duration.ofSeconds(30), PauseMode.WRITE);
        assertThat(reader.get("paused-key")).as("reads go on").isNull();
        write = CompletableFuture.runAsync(() -> writer.set("paused-key", "written"));
        Thread.sleep(300);
        assertThat(write).as("the write waits for the pause").isNotDone();
      } finally {
        s.clientUnpause();
      }
      write.get(5, TimeUnit.SECONDS);
      assertThat(reader.get("paused-key")).isEqualTo("written");
    }
  }

  @Test
  void clientPauseAllHoldsEveryCommandForItsDuration() {
    RedisDataSource others = redis.dataSource(options());
    try (RedisSession other = others.openSession()) {
      other.ping();
      long start = System.nanoTime();
      try {
        s.clientPause(Duration.ofMillis(500), PauseMode.ALL);
        assertThat(other.ping()).isEqualTo("PONG");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("PING waited for the pause")
            .isGreaterThanOrEqualTo(Duration.ofMillis(400));
      } finally {
        s.clientUnpause(); // held back too until the pause ends, then harmless
      }
    }
    assertThatThrownBy(() -> s.clientPause(Duration.ZERO, PauseMode.ALL)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void clientNoEvictNeverReachesTheNextBorrower() {
    RedisDataSource one = redis.dataSource(options() + (options().isEmpty() ? "?" : "&") + "poolMaxTotal=1");
    long marked;
    try (RedisSession first = one.openSession()) {
      first.clientNoEvict(true);
      assertThat(first.clientInfo().flags()).contains("e");
      marked = first.clientId();
    }
    try (RedisSession next = one.openSession()) {
      assertThat(next.clientId()).isNotEqualTo(marked);
      assertThat(next.clientInfo().flags()).doesNotContain("e");
    }
  }

  @Test
  void slowlogRecordsCommandsAboveTheThreshold() {
    try {
      s.configSet("slowlog-log-slower-than", "0");
      s.slowlogReset();
      s.set("slow", "x");
      List<SlowLogEntry> entries = s.slowlogGet(-1);
      SlowLogEntry set = entries.stream().filter(e -> e.arguments().equals(List.of("SET", "slow", "x")))
          .findFirst().orElseThrow();
      assertThat(set.startedAt()).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(60));
      assertThat(set.duration()).isGreaterThanOrEqualTo(Duration.ZERO);
      assertThat(set.clientAddress()).contains(":");
      assertThat(s.slowlogGet(1)).hasSize(1);
      assertThat(s.slowlogLen()).isGreaterThanOrEqualTo(entries.size());
    } finally {
      s.configSet("slowlog-log-slower-than", "10000");
    }
    s.slowlogReset();
    assertThat(s.slowlogLen()).isZero();
    assertThatThrownBy(() -> s.slowlogGet(-2)).isInstanceOf(IllegalArgumentException.class);
  }

  private static boolean atLeast(String version, int major, int minor) {
    String[] parts = version.split("\\.");
    int ma = Integer.parseInt(parts[0]);
    int mi = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
    return ma > major || ma == major && mi >= minor;
  }
}
