package dev.respite.impl.session;

import dev.respite.impl.command.CommandRunner;

/**
 * Where a {@link RoutedSession}'s commands go when one session may use more than one server: the Sentinel
 * data source's route follows the primary, the Cluster data source's picks a node per command. A route runs
 * its frames on single-server sessions ({@link RealRedisSession}), so the rules of the one command path
 * (state tracking, failure classification, no late reply read) hold on every node. Used by one thread at a
 * time, like its session.
 */
public interface SessionRoute extends CommandRunner {

  /**
   * Switches the session to {@code database}.
   *
   * @throws IllegalArgumentException if the topology has no such database
   */
  void select(int database);

  /** The database the session is using. */
  int database();

  /** Whether {@link #close()} was called. */
  boolean isClosed();

  /** Returns every connection the session holds; never throws, and a second call does nothing. */
  void close();
}
