package dev.respite.impl.cluster;

import dev.respite.ReadFrom;
import dev.respite.impl.event.Listeners;
import dev.respite.impl.topology.NodePools;

/**
 * What every session of one cluster data source shares: the slot map, the node pools, the listeners and the
 * routing settings.
 *
 * @param name the data source's pool name
 * @param topology the slot map and its refreshes
 * @param pools one pool per node, for the primaries' commands
 * @param readers one pool per replica whose connections sent {@code READONLY}: never lent to a session that
 *     expects a primary's answers
 * @param listeners the data source's listeners
 * @param maxRedirects {@code clusterMaxRedirects}
 * @param retryBudgetNanos how long one command's retries may take together ({@code socketTimeout})
 * @param readFrom where read-only sessions read
 */
record ClusterContext(String name, ClusterTopology topology, NodePools pools, NodePools readers,
    Listeners listeners,
    int maxRedirects, long retryBudgetNanos, ReadFrom readFrom) {}
