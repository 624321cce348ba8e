/**
 * Redis Cluster routing internals, pure logic with no I/O: the hash slot of a key ({@link SlotHash}), the slot map
 * read from {@code CLUSTER SLOTS} ({@link SlotMap}, {@link ClusterSlotsReply}) and the redirections a node answers
 * ({@link Redirect}). Not API, may change in any release.
 */
@NullMarked
package dev.respite.impl.cluster;

import org.jspecify.annotations.NullMarked;
