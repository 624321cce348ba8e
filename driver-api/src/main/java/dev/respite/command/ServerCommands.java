package dev.respite.command;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The server and connection commands an application uses.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface ServerCommands<K, V> {

  /** Sends {@code PING}; returns {@code PONG}. */
  String ping();

  /** Sends {@code ECHO message}; returns it. */
  V echo(V message);

  /** Sends {@code INFO}: the server's report, as text. */
  String info();

  /** Sends {@code INFO section}. */
  String info(String section);

  /** Sends {@code DBSIZE}: the number of keys in the session's database. */
  long dbsize();

  /** Sends {@code FLUSHDB}: deletes every key of the session's database. */
  void flushdb();

  /** Sends {@code FLUSHDB ASYNC}: deletes every key in the background. */
  void flushdbAsync();

  /** Sends {@code TIME}: the server's clock, to the microsecond. */
  Instant time();

  /** Sends {@code LASTSAVE}: when the last snapshot was saved. */
  Instant lastSave();

  /**
   * Sends {@code CLIENT SETNAME name}. The connection then goes back to the pool no more: it is closed when
   * the session ends, so the name never reaches another borrower.
   */
  void clientSetName(String name);

  /** Sends {@code CLIENT GETNAME}; null if unnamed. */
  @Nullable String clientGetName();

  /** Sends {@code CLIENT ID}. */
  long clientId();

  /** Sends {@code CONFIG GET pattern}. */
  Map<String, String> configGet(String pattern);

  /**
   * Sends {@code WAIT numreplicas timeout}: blocks until that many replicas acknowledged this connection's
   * writes, or the timeout (zero: forever); returns how many did.
   */
  long waitReplicas(int replicas, Duration timeout);

  /** Sends {@code INFO}: the server's report, parsed into sections and fields. */
  ServerInfo serverInfo();

  /** Sends {@code INFO section...}: only those sections ({@code all}, {@code everything} and {@code default} also work). */
  ServerInfo serverInfo(String... sections);

  /** Sends {@code CONFIG SET parameter value}. */
  void configSet(String parameter, String value);

  /**
   * Sends {@code CONFIG SET parameter value...} (Redis 7+): all or nothing.
   *
   * @throws IllegalArgumentException if {@code parameters} is empty
   */
  void configSet(Map<String, String> parameters);

  /** Sends {@code FLUSHALL ASYNC|SYNC}: deletes every key of every database. */
  void flushall(FlushMode mode);

  /** Sends {@code FLUSHDB ASYNC|SYNC}: deletes every key of the session's database. */
  void flushdb(FlushMode mode);

  /**
   * Sends {@code WAITAOF numlocal numreplicas timeout} (Redis 7.2+): blocks until the local AOF (if
   * {@code local} is 1) and that many replicas fsynced this connection's writes, or the timeout (zero:
   * forever).
   */
  WaitAofResult waitAof(int local, int replicas, Duration timeout);
}
