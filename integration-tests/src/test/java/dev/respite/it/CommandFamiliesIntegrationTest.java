package dev.respite.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.respite.RedisDataSource;
import dev.respite.RedisServerException;
import dev.respite.RedisSession;
import dev.respite.command.BitOperation;
import dev.respite.command.CopyOptions;
import dev.respite.command.ExpireCondition;
import dev.respite.command.Expiration;
import dev.respite.command.GeoSearch;
import dev.respite.command.GeoUnit;
import dev.respite.command.InsertPosition;
import dev.respite.command.KeyValue;
import dev.respite.command.LexRange;
import dev.respite.command.ListDirection;
import dev.respite.command.ScoreRange;
import dev.respite.command.ScoredValue;
import dev.respite.command.SetOptions;
import dev.respite.command.SortedSetEnd;
import dev.respite.command.ZAddOptions;
import dev.respite.command.ZRange;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each family's typed methods against a real server: the command sent and the reply decoded. */
class CommandFamiliesIntegrationTest {
  @RegisterExtension
  static final RedisServerExtension redis = RedisServerExtension.create();

  private RedisDataSource ds;
  private RedisSession s;

  /** The data source options; the RESP3 subclass changes them. */
  String options() {
    return "";
  }

  @BeforeEach
  void open() {
    ds = redis.dataSource(options());
    s = ds.openSession();
  }

  @AfterEach
  void close() {
    s.close();
  }

  @Test
  void keyCommands() {
    s.set("k", "v");
    assertThat(s.type("k")).isEqualTo("string");
    assertThat(s.type("missing")).isEqualTo("none");
    assertThat(s.ttl("k")).isEqualTo(-1);
    assertThat(s.expire("k", 100, ExpireCondition.XX)).as("XX: no expiry yet").isFalse();
    assertThat(s.expire("k", 100, ExpireCondition.NX)).isTrue();
    assertThat(s.expire("k", 50, ExpireCondition.GT)).isFalse();
    assertThat(s.ttl("k")).isBetween(90L, 100L);
    assertThat(s.pexpire("k", 200_000)).isTrue();
    assertThat(s.pttl("k")).isBetween(190_000L, 200_000L);
    Instant at = Instant.now().plusSeconds(3600);
    assertThat(s.expireAt("k", at)).isTrue();
    assertThat(s.expireTime("k")).isEqualTo(Instant.ofEpochMilli(at.toEpochMilli()));
    assertThat(s.persist("k")).isTrue();
    assertThat(s.expireTime("k")).isNull();
    s.rename("k", "k2");
    assertThat(s.exists("k")).isFalse();
    s.set("k3", "x");
    assertThat(s.renameNx("k2", "k3")).isFalse();
    assertThat(s.copy("k2", "copy", CopyOptions.none())).isTrue();
    assertThat(s.copy("k2", "copy", CopyOptions.none())).isFalse();
    assertThat(s.copy("k2", "copy", CopyOptions.none().replace())).isTrue();
    assertThat(s.copy("k2", "k2", CopyOptions.none().database(3))).isTrue();
    assertThat(s.countExisting(List.of("k2", "k3", "missing", "k2"))).isEqualTo(3);
    assertThat(s.touch("k2", "missing")).isEqualTo(1);
    assertThat(s.keys("k*")).containsExactlyInAnyOrder("k2", "k3");
    assertThat(s.randomKey()).isNotNull();
    assertThat(s.objectEncoding("k2")).isEqualTo("embstr");
    assertThat(s.objectEncoding("missing")).isNull();
    assertThat(s.objectIdleTime("k2")).isGreaterThanOrEqualTo(0);
    assertThat(s.objectRefCount("k2")).isGreaterThanOrEqualTo(1);
    assertThat(s.memoryUsage("k2")).isPositive();
    assertThat(s.memoryUsage("missing")).isNull();
    byte[] dump = s.dump("k2");
    assertThat(dump).isNotNull();
    assertThat(s.dump("missing")).isNull();
    assertThatThrownBy(() -> s.restore("k3", 0, dump, false)).isInstanceOf(RedisServerException.class)
        .extracting(e -> ((RedisServerException) e).code()).isEqualTo("BUSYKEY");
    s.restore("k3", 0, dump, true);
    assertThat(s.get("k3")).isEqualTo("v");
    s.set("mover", "m");
    assertThat(s.move("mover", 5)).isTrue();
    assertThat(s.move("mover", 5)).isFalse();
    assertThat(s.unlink("k2", "k3", "missing")).isEqualTo(2);
    assertThat(s.del("copy")).isEqualTo(1);
  }

  @Test
  void stringCommands() {
    assertThat(s.set("s", "1", SetOptions.ex(Duration.ofSeconds(100)).nx())).isTrue();
    assertThat(s.set("s", "2", SetOptions.none().nx())).isFalse();
    assertThat(s.ttl("s")).isBetween(90L, 100L);
    assertThat(s.set("s", "3", SetOptions.keepTtl().xx())).isTrue();
    assertThat(s.ttl("s")).as("KEEPTTL").isPositive();
    assertThat(s.set("absent", "x", SetOptions.px(Duration.ofSeconds(5)).xx())).isFalse();
    assertThat(s.setGet("s", "4", SetOptions.none())).isEqualTo("3");
    assertThat(s.setGet("fresh", "f", SetOptions.none())).isNull();
    assertThat(s.getEx("s", Expiration.persist())).isEqualTo("4");
    assertThat(s.ttl("s")).isEqualTo(-1);
    assertThat(s.getEx("s", Expiration.ex(Duration.ofSeconds(60)))).isEqualTo("4");
    assertThat(s.ttl("s")).isPositive();
    assertThat(s.getDel("fresh")).isEqualTo("f");
    assertThat(s.get("fresh")).isNull();
    Map<String, String> entries = new LinkedHashMap<>();
    entries.put("a", "1");
    entries.put("b", "2");
    s.mset(entries);
    assertThat(s.mget("a", "missing", "b")).containsExactly("1", null, "2");
    assertThat(s.msetNx(Map.of("a", "x", "c", "3"))).isFalse();
    assertThat(s.msetNx(Map.of("c", "3", "d", "4"))).isTrue();
    assertThat(s.incr("n")).isEqualTo(1);
    assertThat(s.incrBy("n", 10)).isEqualTo(11);
    assertThat(s.decr("n")).isEqualTo(10);
    assertThat(s.decrBy("n", 4)).isEqualTo(6);
    assertThat(s.incrByFloat("f", 1.5)).isEqualTo(1.5);
    assertThat(s.incrByFloat("f", -0.25)).isEqualTo(1.25);
    assertThat(s.append("txt", "héllo")).isEqualTo(6);
    assertThat(s.strlen("txt")).isEqualTo(6);
    assertThat(s.setRange("txt", 0, "J")).isEqualTo(6);
    assertThat(s.getRange("txt", 0, 0)).isEqualTo("J");
    assertThat(s.getRange("missing", 0, 10)).isEmpty();
    assertThatThrownBy(() -> s.incr("txt")).isInstanceOf(RedisServerException.class);
    assertThat(s.ping()).as("the session survives an error reply").isEqualTo("PONG");
  }

  @Test
  void hashCommands() {
    assertThat(s.hset("h", "f1", "v1")).isTrue();
    assertThat(s.hset("h", "f1", "v1b")).isFalse();
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("f2", "v2");
    fields.put("n", "5");
    assertThat(s.hset("h", fields)).isEqualTo(2);
    assertThat(s.hsetNx("h", "f2", "x")).isFalse();
    assertThat(s.hget("h", "f1")).isEqualTo("v1b");
    assertThat(s.hget("h", "missing")).isNull();
    assertThat(s.hmget("h", "f1", "missing", "f2")).containsExactly("v1b", null, "v2");
    assertThat(s.hgetAll("h")).containsExactlyInAnyOrderEntriesOf(Map.of("f1", "v1b", "f2", "v2", "n", "5"));
    assertThat(s.hgetAll("missing")).isEmpty();
    assertThat(s.hexists("h", "f2")).isTrue();
    assertThat(s.hlen("h")).isEqualTo(3);
    assertThat(s.hkeys("h")).containsExactlyInAnyOrder("f1", "f2", "n");
    assertThat(s.hvals("h")).containsExactlyInAnyOrder("v1b", "v2", "5");
    assertThat(s.hincrBy("h", "n", 3)).isEqualTo(8);
    assertThat(s.hincrByFloat("h", "n", 0.5)).isEqualTo(8.5);
    assertThat(s.hstrlen("h", "f2")).isEqualTo(2);
    assertThat(s.hrandField("h", 2)).hasSize(2);
    assertThat(s.hdel("h", "f1", "missing")).isEqualTo(1);
  }

  @Test
  void listCommands() {
    assertThat(s.rpush("l", "a", "b", "c")).isEqualTo(3);
    assertThat(s.lpush("l", "z")).isEqualTo(4);
    assertThat(s.lpushX("missing", "x")).isZero();
    assertThat(s.rpushX("l", "d")).isEqualTo(5);
    assertThat(s.lrange("l", 0, -1)).containsExactly("z", "a", "b", "c", "d");
    assertThat(s.lindex("l", 1)).isEqualTo("a");
    assertThat(s.lindex("l", 99)).isNull();
    s.lset("l", 0, "y");
    assertThat(s.linsert("l", InsertPosition.AFTER, "a", "a2")).isEqualTo(6);
    assertThat(s.linsert("l", InsertPosition.BEFORE, "nope", "x")).isEqualTo(-1);
    assertThat(s.lpos("l", "b")).isEqualTo(3);
    assertThat(s.lpos("l", "nope")).isNull();
    s.rpush("l", "b");
    assertThat(s.lpos("l", "b", 0)).containsExactly(3L, 6L);
    assertThat(s.lrem("l", 0, "b")).isEqualTo(2);
    assertThat(s.llen("l")).isEqualTo(5);
    assertThat(s.lmove("l", "other", ListDirection.LEFT, ListDirection.RIGHT)).isEqualTo("y");
    assertThat(s.lmove("missing", "other", ListDirection.LEFT, ListDirection.RIGHT)).isNull();
    assertThat(s.lpop("l")).isEqualTo("a");
    assertThat(s.rpop("l")).isEqualTo("d");
    s.ltrim("l", 0, 0);
    assertThat(s.lrange("l", 0, -1)).containsExactly("a2");
    assertThat(s.lpop("l", 5)).containsExactly("a2");
    assertThat(s.lpop("l")).isNull();
    s.rpush("l", "1", "2", "3");
    assertThat(s.rpop("l", 2)).containsExactly("3", "2");
    assertThat(s.lmpop(ListDirection.RIGHT, 5, "empty", "l")).isEqualTo(new KeyValue<>("l", List.of("1")));
    assertThat(s.lmpop(ListDirection.LEFT, 1, "empty")).isNull();
  }

  @Test
  void setCommands() {
    assertThat(s.sadd("s1", "a", "b", "c")).isEqualTo(3);
    assertThat(s.sadd("s2", "b", "c", "d")).isEqualTo(3);
    assertThat(s.smembers("s1")).containsExactlyInAnyOrder("a", "b", "c");
    assertThat(s.sismember("s1", "a")).isTrue();
    assertThat(s.smismember("s1", "a", "z")).containsExactly(true, false);
    assertThat(s.scard("s1")).isEqualTo(3);
    assertThat(s.sinter("s1", "s2")).containsExactlyInAnyOrder("b", "c");
    assertThat(s.sunion("s1", "s2")).containsExactlyInAnyOrder("a", "b", "c", "d");
    assertThat(s.sdiff("s1", "s2")).containsExactly("a");
    assertThat(s.sinterStore("dst", "s1", "s2")).isEqualTo(2);
    assertThat(s.sunionStore("dst", "s1", "s2")).isEqualTo(4);
    assertThat(s.sdiffStore("dst", "s1", "s2")).isEqualTo(1);
    assertThat(s.sinterCard("s1", "s2")).isEqualTo(2);
    assertThat(s.smove("s1", "s2", "a")).isTrue();
    assertThat(s.srandmember("s1")).isIn("b", "c");
    assertThat(s.srandmember("s1", 5)).containsExactlyInAnyOrder("b", "c");
    assertThat(s.srem("s1", "b", "z")).isEqualTo(1);
    assertThat(s.spop("s1")).isEqualTo("c");
    assertThat(s.spop("s1")).isNull();
    assertThat(s.spop("s2", 10)).containsExactlyInAnyOrder("a", "b", "c", "d");
  }

  @Test
  void sortedSetCommands() {
    assertThat(s.zadd("z", 1, "a")).isEqualTo(1);
    assertThat(s.zadd("z", ZAddOptions.none(), List.of(ScoredValue.of(2, "b"), ScoredValue.of(3, "c")))).isEqualTo(2);
    assertThat(s.zadd("z", ZAddOptions.xx().gt().ch(), List.of(ScoredValue.of(0.5, "a"), ScoredValue.of(10, "c"))))
        .as("GT keeps a's higher score; CH counts c").isEqualTo(1);
    assertThat(s.zaddIncr("z", ZAddOptions.none(), 1.5, "a")).isEqualTo(2.5);
    assertThat(s.zaddIncr("z", ZAddOptions.nx(), 1, "a")).as("NX refuses an existing member").isNull();
    assertThat(s.zincrBy("z", 1, "b")).isEqualTo(3.0);
    assertThat(s.zscore("z", "c")).isEqualTo(10.0);
    assertThat(s.zscore("z", "missing")).isNull();
    assertThat(s.zmscore("z", "a", "missing")).containsExactly(2.5, null);
    assertThat(s.zcard("z")).isEqualTo(3);
    assertThat(s.zcount("z", ScoreRange.closed(2.5, 3))).isEqualTo(2);
    assertThat(s.zcount("z", ScoreRange.open(2.5, 10))).isEqualTo(1);
    assertThat(s.zrange("z", 0, -1)).containsExactly("a", "b", "c");
    assertThat(s.zrange("z", ZRange.byRank(0, 0).reverse())).containsExactly("c");
    assertThat(s.zrange("z", ZRange.byScore(ScoreRange.atLeast(3)))).containsExactly("b", "c");
    assertThat(s.zrange("z", ZRange.<String>byScore(ScoreRange.all()).reverse().limit(0, 2))).containsExactly("c", "b");
    assertThat(s.zrangeWithScores("z", ZRange.byRank(0, 1)))
        .containsExactly(new ScoredValue<>("a", 2.5), new ScoredValue<>("b", 3.0));
    assertThat(s.zrangeStore("dst", "z", ZRange.byScore(ScoreRange.atMost(3)))).isEqualTo(2);
    assertThat(s.zrank("z", "c")).isEqualTo(2);
    assertThat(s.zrevrank("z", "c")).isZero();
    assertThat(s.zrank("z", "missing")).isNull();
    s.zadd("lex", ZAddOptions.none(), List.of(ScoredValue.of(0, "apple"), ScoredValue.of(0, "banana"),
        ScoredValue.of(0, "cherry")));
    assertThat(s.zrange("lex", ZRange.byLex(LexRange.closed("apple", "banana")))).containsExactly("apple", "banana");
    assertThat(s.zrange("lex", ZRange.byLex(LexRange.<String>atLeast("b")).reverse())).containsExactly("cherry", "banana");
    assertThat(s.zlexCount("lex", LexRange.open("apple", "cherry"))).isEqualTo(1);
    assertThat(s.zlexCount("lex", LexRange.all())).isEqualTo(3);
    assertThat(s.zrandMember("lex", 3)).hasSize(3);
    assertThat(s.zunionStore("u", "z", "dst")).isEqualTo(3);
    assertThat(s.zinterStore("i", "z", "dst")).isEqualTo(2);
    assertThat(s.zdiffStore("d", "z", "dst")).isEqualTo(1);
    assertThat(s.zunion("z", "dst")).containsExactlyInAnyOrder("a", "b", "c");
    assertThat(s.zinter("z", "dst")).containsExactly("a", "b");
    assertThat(s.zdiff("z", "dst")).containsExactly("c");
    assertThat(s.zinterCard("z", "dst")).isEqualTo(2);
    assertThat(s.zmpop(SortedSetEnd.MAX, 1, "empty", "dst"))
        .isEqualTo(new KeyValue<>("dst", List.of(new ScoredValue<>("b", 3.0))));
    assertThat(s.zmpop(SortedSetEnd.MIN, 1, "empty")).isNull();
    assertThat(s.zpopMin("z", 1)).containsExactly(new ScoredValue<>("a", 2.5));
    assertThat(s.zpopMax("z", 1)).containsExactly(new ScoredValue<>("c", 10.0));
    assertThat(s.zremRangeByScore("u", ScoreRange.all())).isEqualTo(3);
    assertThat(s.zremRangeByRank("lex", 0, 0)).isEqualTo(1);
    assertThat(s.zremRangeByLex("lex", LexRange.atMost("banana"))).isEqualTo(1);
    s.zadd("inf", Double.POSITIVE_INFINITY, "top");
    assertThat(s.zscore("inf", "top")).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(s.zrem("z", "b", "missing")).isEqualTo(1);
  }

  @Test
  void hyperLogLogAndBitmapCommands() {
    assertThat(s.pfadd("h1", "a", "b", "c")).isTrue();
    assertThat(s.pfadd("h1", "a")).isFalse();
    s.pfadd("h2", "c", "d");
    assertThat(s.pfcount("h1")).isEqualTo(3);
    assertThat(s.pfcount("h1", "h2")).isEqualTo(4);
    s.pfmerge("h3", "h1", "h2");
    assertThat(s.pfcount("h3")).isEqualTo(4);

    assertThat(s.setBit("b", 7, true)).isFalse();
    assertThat(s.setBit("b", 7, true)).isTrue();
    assertThat(s.getBit("b", 7)).isTrue();
    assertThat(s.getBit("b", 100)).isFalse();
    s.setBit("b", 9, true);
    assertThat(s.bitCount("b")).isEqualTo(2);
    assertThat(s.bitCount("b", 1, 1)).isEqualTo(1);
    assertThat(s.bitPos("b", true)).isEqualTo(7);
    s.setBit("c", 7, true);
    assertThat(s.bitOp(BitOperation.AND, "and", "b", "c")).isEqualTo(2);
    assertThat(s.bitCount("and")).isEqualTo(1);
  }

  @Test
  void geoCommands() {
    assertThat(s.geoadd("cities", 2.3522, 48.8566, "paris")).isEqualTo(1);
    s.geoadd("cities", -0.1276, 51.5072, "london");
    s.geoadd("cities", 13.4050, 52.5200, "berlin");
    assertThat(s.geopos("cities", "paris", "nowhere").get(0).longitude()).isCloseTo(2.3522, within(0.001));
    assertThat(s.geopos("cities", "paris", "nowhere").get(1)).isNull();
    assertThat(s.geodist("cities", "paris", "london", GeoUnit.KM)).isCloseTo(343.5, within(5.0));
    assertThat(s.geodist("cities", "paris", "nowhere", GeoUnit.KM)).isNull();
    assertThat(s.geohash("cities", "paris").get(0)).startsWith("u09t");
    assertThat(s.geosearch("cities", GeoSearch.<String>fromMember("paris").byRadius(500, GeoUnit.KM).ascending()))
        .containsExactly("paris", "london");
    assertThat(s.geosearch("cities", GeoSearch.<String>fromLonLat(13.4, 52.5).byBox(200, 200, GeoUnit.KM)))
        .containsExactly("berlin");
    assertThat(s.geosearchStore("near", "cities",
        GeoSearch.<String>fromMember("paris").byRadius(2000, GeoUnit.KM).count(2).ascending())).isEqualTo(2);
  }

  @Test
  void serverCommands() {
    s.set("a", "1");
    assertThat(s.echo("héllo")).isEqualTo("héllo");
    assertThat(s.info()).contains("redis_version");
    assertThat(s.info("server")).contains("redis_version").doesNotContain("used_memory:");
    assertThat(s.dbsize()).isEqualTo(1);
    assertThat(s.time()).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(60));
    assertThat(s.lastSave()).isBefore(Instant.now().plusSeconds(60));
    assertThat(s.clientId()).isPositive();
    assertThat(s.clientGetName()).isNull();
    assertThat(s.configGet("maxmemory")).containsKey("maxmemory");
    assertThat(s.waitReplicas(0, Duration.ofMillis(100))).isZero();
    assertThat(s.publish("nobody-listens", "hi")).isZero();
    s.flushdb();
    assertThat(s.dbsize()).isZero();
    s.set("b", "2");
    s.flushdbAsync();
    assertThat(s.get("b")).isNull();
  }

  @Test
  void clientSetNameNeverReachesTheNextBorrower() {
    long named;
    try (RedisDataSource one = redis.dataSource("?poolMaxTotal=1")) {
      try (RedisSession first = one.openSession()) {
        first.clientSetName("worker-1");
        assertThat(first.clientGetName()).isEqualTo("worker-1");
        named = first.clientId();
      }
      try (RedisSession next = one.openSession()) {
        assertThat(next.clientGetName()).isNull();
        assertThat(next.clientId()).isNotEqualTo(named);
      }
    }
  }
}
