package dev.respite.it.modes;

import dev.respite.RedisSession;

/**
 * The keyspace every row starts from, rebuilt before each mode so that the three runs of a row see the same
 * data. Keys: {@code str}="v", {@code n}="10", {@code f}="1.5", hash {@code h} {f1:v1, f2:v2, num:5}, list
 * {@code l} [a, b, c, b], sets {@code s} {a,b,c} and {@code s2} {b,c,d}, sorted sets {@code z} {a:1, b:2,
 * c:3}, {@code z2} {b:10, d:20} and {@code zl} {a,b,c,d all 0}, HyperLogLog {@code hll} {a,b,c}, bitmap
 * {@code bits} (bit 7 set), geo set {@code geo} {Palermo, Catania}, stream {@code x} with entries 1-1, 1-2,
 * 1-3 ({f: 1..3}), group {@code g} (all three pending for consumer alice) and group {@code g2} (nothing read).
 */
final class Keyspace {
  static final String SCRIPT = String.join("\n",
      "redis.call('SET', 'str', 'v')",
      "redis.call('SET', 'n', '10')",
      "redis.call('SET', 'f', '1.5')",
      "redis.call('HSET', 'h', 'f1', 'v1', 'f2', 'v2', 'num', '5')",
      "redis.call('RPUSH', 'l', 'a', 'b', 'c', 'b')",
      "redis.call('SADD', 's', 'a', 'b', 'c')",
      "redis.call('SADD', 's2', 'b', 'c', 'd')",
      "redis.call('ZADD', 'z', 1, 'a', 2, 'b', 3, 'c')",
      "redis.call('ZADD', 'z2', 10, 'b', 20, 'd')",
      "redis.call('ZADD', 'zl', 0, 'a', 0, 'b', 0, 'c', 0, 'd')",
      "redis.call('PFADD', 'hll', 'a', 'b', 'c')",
      "redis.call('SETBIT', 'bits', 7, 1)",
      "redis.call('GEOADD', 'geo', 13.361389, 38.115556, 'Palermo', 15.087269, 37.502669, 'Catania')",
      "redis.call('XADD', 'x', '1-1', 'f', '1')",
      "redis.call('XADD', 'x', '1-2', 'f', '2')",
      "redis.call('XADD', 'x', '1-3', 'f', '3')",
      "redis.call('XGROUP', 'CREATE', 'x', 'g', '0')",
      "redis.call('XREADGROUP', 'GROUP', 'g', 'alice', 'STREAMS', 'x', '>')",
      "redis.call('XGROUP', 'CREATE', 'x', 'g2', '0')",
      "return redis.call('DBSIZE')");

  /** Keys in the prepared keyspace. */
  static final long SIZE = 14;

  private Keyspace() {}

  /** Empties every database, forgets scripts and functions, restores the server settings rows change. */
  static void prepare(RedisSession session) {
    session.execute("FLUSHALL");
    session.execute("SCRIPT", "FLUSH");
    session.execute("FUNCTION", "FLUSH");
    session.execute("CONFIG", "SET", "maxmemory-policy", "noeviction");
    long keys = session.execute("EVAL", SCRIPT, 0).asLong();
    if (keys != SIZE) {
      throw new IllegalStateException("the keyspace script made " + keys + " keys, not " + SIZE);
    }
  }
}
