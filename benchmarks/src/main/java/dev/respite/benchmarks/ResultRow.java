package dev.respite.benchmarks;

import org.jspecify.annotations.Nullable;

/**
 * One row of RESULTS.md. Latencies are in nanoseconds; a negative number means "not measured".
 *
 * @param benchmarkCase the case number of issue 6 (1 to 6)
 * @param client what ran: "respite", "jedis", "lettuce", "lettuce-pool" or "redis-benchmark"
 * @param config the variant within the case, e.g. "128 platform threads", or "" when there is one
 * @param note what the figures cannot show: "n/a (...)", errors, wrong replies, pinned threads
 */
record ResultRow(int benchmarkCase, String client, String config, double opsPerSecond, long p50Nanos,
    long p99Nanos, long p999Nanos, double allocatedBytesPerOp, @Nullable String note) {

  /** A row for a client that could not run the case, saying why. */
  static ResultRow unavailable(int benchmarkCase, String client, String config, String why) {
    return new ResultRow(benchmarkCase, client, config, -1, -1, -1, -1, -1, why);
  }

  boolean measured() {
    return opsPerSecond > 0;
  }
}
