/**
 * The Sentinel data source ({@link dev.respite.impl.sentinel.SentinelDataSource}): a
 * {@link dev.respite.impl.sentinel.PrimaryWatch} that knows the primary of one master name and when commands
 * must wait, fed by the sentinels' events ({@link dev.respite.impl.sentinel.SentinelEvent}), a poll and the
 * failures sessions report, all run on one thread; routes that move sessions to the primary or to replicas;
 * one pool per data node. Sentinel's replies are read by {@link dev.respite.impl.sentinel.SentinelReplies}
 * into small values ({@link dev.respite.impl.sentinel.SentinelReplica},
 * {@link dev.respite.impl.sentinel.SentinelPeer}). Not API, may change in any release.
 */
@NullMarked
package dev.respite.impl.sentinel;

import org.jspecify.annotations.NullMarked;
