/**
 * Redis Sentinel internals, pure logic with no I/O: the replies a Sentinel-aware client reads
 * ({@link SentinelReplies}) as small values ({@link SentinelReplica}, {@link SentinelPeer}). Not API, may change
 * in any release.
 */
@NullMarked
package dev.respite.impl.sentinel;

import org.jspecify.annotations.NullMarked;
