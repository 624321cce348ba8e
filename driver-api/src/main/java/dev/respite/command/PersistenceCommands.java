package dev.respite.command;

import java.time.Duration;

/**
 * Snapshots, the append-only file, and moving keys to another server.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface PersistenceCommands<K, V> {

  /** Sends {@code SAVE}: writes a snapshot before returning, blocking every client meanwhile. */
  void save();

  /** Sends {@code BGSAVE}: starts a snapshot in a child process; returns the server's status line. */
  String bgsave();

  /** Sends {@code BGREWRITEAOF}: starts (or schedules) an append-only file rewrite; returns the status line. */
  String bgrewriteaof();

  /**
   * Sends {@code MIGRATE host port "" database timeout [COPY] [REPLACE] [AUTH|AUTH2 ...] KEYS key...}: moves
   * the keys to another server, waiting up to {@code timeout} for each exchange with it; returns false if none
   * of the keys existed ({@code NOKEY}).
   *
   * @throws IllegalArgumentException if no key is given, or the port or database is out of range
   */
  @SuppressWarnings("unchecked")
  boolean migrate(String host, int port, int database, Duration timeout, MigrateOptions options, K... keys);
}
