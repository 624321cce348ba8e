package dev.respite.it;

import dev.respite.RedisDataSource;
import dev.respite.RedisSession;

/**
 * Which way a data source runs its sessions, for tests that the suite runs both ways (plain, and with
 * {@code -Drespite.test.options=multiplex=2}, see {@link RedisServerExtension#withSuiteOptions}): pooled, where
 * every open session holds a connection of its own, or multiplexed, where a session holds none until a
 * command needs connection state (it pins) and its other commands share the data source's lanes.
 */
final class SuiteMode {
  private SuiteMode() {}

  /** Whether {@code ds}'s sessions start unpinned, on shared lanes. */
  static boolean multiplexed(RedisDataSource ds) {
    return ds.config().multiplex() > 0;
  }

  /** The pooled connections an open session that sent only plain commands holds: 1, or 0 unpinned. */
  static int pooledConnectionsOfAnOpenSession(RedisDataSource ds) {
    return multiplexed(ds) ? 0 : 1;
  }

  /**
   * Gives {@code s} a connection of its own in either mode ({@code WATCH} pins an unpinned session;
   * {@code UNWATCH} leaves no state), for tests about what happens to a session's own connection.
   */
  static void ownConnection(RedisSession s) {
    s.execute("WATCH", "suite:own-connection");
    s.execute("UNWATCH");
  }
}
