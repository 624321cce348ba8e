package dev.respite;

import dev.respite.command.RedisOperations;
import org.jspecify.annotations.Nullable;

/**
 * A connection borrowed from a {@link RedisDataSource} for one unit of work. Close it when done
 * (try-with-resources in Java, {@code use {}} in Kotlin): closing returns the connection to the pool.
 *
 * <p>A session is used by one thread at a time, like a JDBC {@code Connection}; hand it to another thread
 * only with a happens-before edge (an executor, a lock). For concurrency, open one session per thread:
 * borrowing is cheap.
 *
 * <p>Strings are sent and read as UTF-8. Each command throws {@link RedisServerException} for an error
 * reply (the session stays usable), and {@link RedisTimeoutException}, {@link RedisConnectionException} or
 * {@link RedisProtocolException} when the connection failed: it is then destroyed, and every later command
 * of this session fails the same way. Whatever the session leaves behind (a database, an open
 * {@code MULTI}, watched keys, a subscription) never reaches the next borrower.
 *
 * <p>The typed commands come from the families of {@link dev.respite.command.RedisCommands}, with
 * {@code String} keys and values; {@link #binary()} and {@link #withCodec} give other views of the same
 * session, and {@link #pipeline()} and {@link #multi()} queue the same typed commands.
 */
public interface RedisSession extends RedisOperations<String, String>, AutoCloseable {

  /** Sends {@code PING}; returns {@code PONG}. */
  @Override
  String ping();

  /**
   * Sends {@code SELECT database}; later commands of this session use that database.
   *
   * @throws IllegalArgumentException if {@code database} is negative
   * @throws RedisServerException if the server has no such database
   */
  void select(int database);

  /** The database this session's commands use. */
  int database();

  /** Sends {@code GET key}; returns the value as UTF-8 text, or null if the key does not exist. */
  @Override
  @Nullable String get(String key);

  /** Sends {@code SET key value}. */
  @Override
  void set(String key, String value);

  /** Sends {@code GET key}; returns the value's bytes, or null if the key does not exist. */
  byte @Nullable [] get(byte[] key);

  /** Sends {@code SET key value}. */
  void set(byte[] key, byte[] value);

  /** Sends {@code INCR key}; returns the value after the increment. */
  @Override
  long incr(String key);

  /**
   * Sends {@code DEL key...}; returns how many of the keys existed.
   *
   * @throws IllegalArgumentException if no key is given
   */
  @Override
  long del(String... keys);

  /** Sends {@code EXISTS key}; returns whether the key exists. */
  @Override
  boolean exists(String key);

  /**
   * Sends any command, for those the typed methods do not cover yet, and returns its reply.
   *
   * <p>{@code execute("HSET", "user:1", "name", "Ada")}. Arguments may be {@code String} (sent as UTF-8),
   * {@code byte[]} (sent as is), or any {@link Number} (sent as its decimal text); the command and its
   * arguments are always sent as a RESP array, so CR, LF and binary bytes are safe.
   *
   * <p>State-changing commands are tracked so that they are undone before the connection is lent again:
   * {@code SELECT} (the session's database follows it), {@code MULTI}, {@code WATCH}; commands whose effect
   * cannot be undone cheaply ({@code SUBSCRIBE}, {@code MONITOR}, {@code HELLO}, {@code AUTH}, {@code RESET},
   * {@code CLIENT REPLY} and the like) make the connection be closed instead of returned.
   *
   * @throws IllegalArgumentException if the command is blank or an argument has another type
   * @throws RedisServerException if the server answers with an error
   */
  Reply execute(String command, Object... args);

  /** Whether {@link #close()} was called. */
  boolean isClosed();

  /**
   * Returns the connection to the pool, or destroys it if its state is unknown after a failure. Never
   * throws; a second call does nothing.
   */
  @Override
  void close();
}
