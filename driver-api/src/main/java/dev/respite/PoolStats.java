package dev.respite;

/**
 * A snapshot of a data source's pool.
 *
 * @param active connections lent to open sessions (with {@code multiplex}: pinned sessions)
 * @param idle connections open and waiting in the pool
 * @param pending threads waiting for a connection
 * @param maxTotal the most connections the pool will open at once
 * @param laneCommands with {@code multiplex}: commands queued or in flight on the shared connections; else 0
 */
public record PoolStats(int active, int idle, int pending, int maxTotal, int laneCommands) {

  /** A snapshot of a pool without shared connections. */
  public PoolStats(int active, int idle, int pending, int maxTotal) {
    this(active, idle, pending, maxTotal, 0);
  }
}
