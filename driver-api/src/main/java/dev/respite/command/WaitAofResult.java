package dev.respite.command;

/**
 * The reply of {@code WAITAOF}.
 *
 * @param local how many local AOFs (0 or 1) have fsynced the connection's writes
 * @param replicas how many replicas have fsynced them to their AOF
 */
public record WaitAofResult(long local, long replicas) {}
