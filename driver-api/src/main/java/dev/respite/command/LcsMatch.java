package dev.respite.command;

/**
 * One common run of {@code LCS ... IDX}: where it lies in each string (byte offsets, inclusive).
 *
 * @param firstStart its first byte in the first string
 * @param firstEnd its last byte in the first string
 * @param secondStart its first byte in the second string
 * @param secondEnd its last byte in the second string
 * @param length its length in bytes
 */
public record LcsMatch(long firstStart, long firstEnd, long secondStart, long secondEnd, long length) {}
