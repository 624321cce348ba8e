package dev.respite;

/**
 * A snapshot of a data source's pool.
 *
 * @param active connections lent to open sessions
 * @param idle connections open and waiting in the pool
 * @param pending threads waiting for a connection
 * @param maxTotal the most connections the pool will open at once
 */
public record PoolStats(int active, int idle, int pending, int maxTotal) {}
