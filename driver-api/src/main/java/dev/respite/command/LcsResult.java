package dev.respite.command;

import java.util.List;

/**
 * The reply of {@code LCS key1 key2 IDX}: the runs that make up the longest common subsequence, last run
 * first (as the server sends them), and its length.
 *
 * @param matches the runs at least {@code MINMATCHLEN} long
 * @param length the length of the whole longest common subsequence
 */
public record LcsResult(List<LcsMatch> matches, long length) {}
