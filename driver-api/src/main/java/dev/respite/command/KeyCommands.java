package dev.respite.command;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Commands on keys of any type.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface KeyCommands<K, V> {

  /**
   * Sends {@code DEL key...}; returns how many of the keys existed.
   *
   * @throws IllegalArgumentException if no key is given
   */
  @SuppressWarnings("unchecked")
  long del(K... keys);

  /**
   * Sends {@code UNLINK key...}: deletes in the background; returns how many of the keys existed.
   *
   * @throws IllegalArgumentException if no key is given
   */
  @SuppressWarnings("unchecked")
  long unlink(K... keys);

  /** Sends {@code EXISTS key}; returns whether the key exists. */
  boolean exists(K key);

  /**
   * Sends {@code EXISTS key...}; returns how many of the keys exist (a key named twice counts twice).
   *
   * @throws IllegalArgumentException if no key is given
   */
  long countExisting(List<K> keys);

  /** Sends {@code EXPIRE key seconds}; returns whether the timeout was set. */
  boolean expire(K key, long seconds);

  /** Sends {@code EXPIRE key seconds NX|XX|GT|LT}; returns whether the timeout was set. */
  boolean expire(K key, long seconds, ExpireCondition condition);

  /** Sends {@code PEXPIRE key milliseconds}; returns whether the timeout was set. */
  boolean pexpire(K key, long milliseconds);

  /** Sends {@code PEXPIRE key milliseconds NX|XX|GT|LT}; returns whether the timeout was set. */
  boolean pexpire(K key, long milliseconds, ExpireCondition condition);

  /** Sends {@code PEXPIREAT key unix-milliseconds}; returns whether the timeout was set. */
  boolean expireAt(K key, Instant at);

  /** Sends {@code PEXPIRETIME key}; returns the expiry, or null if the key has none or does not exist. */
  @Nullable Instant expireTime(K key);

  /** Sends {@code TTL key}: seconds to live, -1 without expiry, -2 if the key does not exist. */
  long ttl(K key);

  /** Sends {@code PTTL key}: milliseconds to live, -1 without expiry, -2 if the key does not exist. */
  long pttl(K key);

  /** Sends {@code PERSIST key}; returns whether a timeout was removed. */
  boolean persist(K key);

  /** Sends {@code TYPE key}: {@code string}, {@code list}, {@code set}, {@code zset}, {@code hash}, {@code stream} or {@code none}. */
  String type(K key);

  /**
   * Sends {@code RENAME key newkey}.
   *
   * @throws dev.respite.RedisServerException if {@code key} does not exist
   */
  void rename(K key, K newKey);

  /** Sends {@code RENAMENX key newkey}; returns false if {@code newKey} already exists. */
  boolean renameNx(K key, K newKey);

  /** Sends {@code COPY source destination [DB db] [REPLACE]}; returns whether the key was copied. */
  boolean copy(K source, K destination, CopyOptions options);

  /** Sends {@code MOVE key db}; returns false if the key is absent here or exists there. */
  boolean move(K key, int database);

  /** Sends {@code TOUCH key...}; returns how many of the keys exist. */
  @SuppressWarnings("unchecked")
  long touch(K... keys);

  /** Sends {@code KEYS pattern}. Blocks the server while it walks every key: prefer {@code scan} in production. */
  List<K> keys(String pattern);

  /** Sends {@code RANDOMKEY}; null if the database is empty. */
  @Nullable K randomKey();

  /** Sends {@code OBJECT ENCODING key}; null if the key does not exist. */
  @Nullable String objectEncoding(K key);

  /** Sends {@code OBJECT IDLETIME key}: seconds since the key was last read or written. */
  long objectIdleTime(K key);

  /** Sends {@code OBJECT REFCOUNT key}. */
  long objectRefCount(K key);

  /** Sends {@code OBJECT FREQ key} (only with an LFU {@code maxmemory-policy}). */
  long objectFreq(K key);

  /** Sends {@code MEMORY USAGE key}: bytes used by the key and its value; null if it does not exist. */
  @Nullable Long memoryUsage(K key);

  /** Sends {@code DUMP key}: the value serialized for {@code RESTORE}; null if the key does not exist. */
  byte @Nullable [] dump(K key);

  /**
   * Sends {@code RESTORE key ttl serialized}, with {@code REPLACE} if {@code replace}; a ttl of 0 means none.
   *
   * @throws dev.respite.RedisServerException if the key exists and {@code replace} is false ({@code BUSYKEY})
   */
  void restore(K key, long ttlMillis, byte[] serialized, boolean replace);
}
