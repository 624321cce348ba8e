package dev.respite.metrics;

import dev.respite.RedisDataSource;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The {@link PoolGauges} of each node pool of a Sentinel or Cluster data source
 * ({@link RedisDataSource#nodePoolStats()}), tagged with the node pool's name and the node's address. Node pools
 * come and go (first use of a node, a failover), so {@link #sync()} runs at binding and after every event that
 * may follow one: a connection opened, a topology refresh, a primary change, a new count of cluster nodes.
 */
final class NodePoolGauges {
  private final RegisteredMeters meters;
  private final RedisDataSource dataSource;
  private final Map<String, PoolGauges> pools = new HashMap<>();

  NodePoolGauges(RegisteredMeters meters, RedisDataSource dataSource) {
    this.meters = meters;
    this.dataSource = dataSource;
  }

  /** Registers the gauges of the node pools that have none yet, and removes those of pools that are gone. */
  synchronized void sync() {
    Set<String> now = dataSource.nodePoolStats().keySet();
    for (Iterator<Map.Entry<String, PoolGauges>> it = pools.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, PoolGauges> pool = it.next();
      if (!now.contains(pool.getKey())) {
        pool.getValue().remove();
        it.remove();
      }
    }
    for (String name : now) {
      if (!pools.containsKey(name) && !meters.isRemoved()) {
        // Each read asks for every node's counters: a few map entries per node, for a scrape every few seconds.
        pools.put(name, new PoolGauges(meters, name, nodeOf(name), dataSource.config(),
            () -> dataSource.nodePoolStats().get(name)));
      }
    }
  }

  /** The node a pool named {@code <pool>@host:port} connects to. */
  private ServerAddress nodeOf(String poolName) {
    int at = poolName.lastIndexOf('@');
    return at < 0 ? ServerAddress.of(dataSource.config()) : ServerAddress.parse(poolName.substring(at + 1));
  }
}
