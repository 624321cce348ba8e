/**
 * The Redis Cluster data source ({@link ClusterDataSource}). Pure routing logic, unit-tested without a server: the
 * hash slot of a key ({@link SlotHash}) and of a command's keys ({@link CommandSlots}), the slot map read from
 * {@code CLUSTER SLOTS} ({@link SlotMap}, {@link ClusterSlotsReply}) and the redirections a node answers
 * ({@link Redirect}). Around it, the I/O: one pool per node ({@link dev.respite.impl.topology.NodePools}), the map kept current
 * ({@link ClusterTopology}), and each session's route ({@link ClusterRoute}) with what spans nodes
 * ({@link MultiKeySplit}, {@link AllPrimaries}, {@link ClusterBatches}, {@link ClusterSubscriber}). Not API, may
 * change in any release.
 */
@NullMarked
package dev.respite.impl.cluster;

import org.jspecify.annotations.NullMarked;
