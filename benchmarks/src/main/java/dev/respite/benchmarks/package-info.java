/**
 * JMH benchmarks of Respite against Jedis and Lettuce, the pool-load harness for many threads, and the
 * suite that runs them all and writes {@code benchmarks/RESULTS.md}.
 */
@NullMarked
package dev.respite.benchmarks;

import org.jspecify.annotations.NullMarked;
