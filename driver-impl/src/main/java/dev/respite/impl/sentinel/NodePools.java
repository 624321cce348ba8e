package dev.respite.impl.sentinel;

import dev.respite.PoolStats;
import dev.respite.RedisConfig;
import dev.respite.RedisException;
import dev.respite.impl.connection.Connector;
import dev.respite.impl.event.Listeners;
import dev.respite.impl.pool.ConnectionPool;
import dev.respite.impl.topology.NodeAddress;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link ConnectionPool} per data node a Sentinel data source uses (the primary, and replicas for reads),
 * each named {@code <pool>@host:port}, made on first use. A pool is retired when its node stops being what it
 * was used for: its idle connections close at once, and connections still lent are destroyed when returned.
 * Thread-safe.
 */
final class NodePools implements AutoCloseable {
  private final String name;
  private final Connector connector;
  private final Listeners listeners;
  private final ConcurrentHashMap<NodeAddress, ConnectionPool> pools = new ConcurrentHashMap<>();
  private volatile boolean closed;

  NodePools(String name, Connector connector, Listeners listeners) {
    this.name = name;
    this.connector = connector;
    this.listeners = listeners;
  }

  /**
   * The pool of {@code node}, made now if it has none.
   *
   * @throws RedisException if the data source is closed
   */
  ConnectionPool pool(NodeAddress node) {
    if (closed) {
      throw closedException();
    }
    ConnectionPool pool = pools.computeIfAbsent(node, n -> {
      RedisConfig config = NodeConfigs.dataNode(connector.config(), n);
      return new ConnectionPool(name + "@" + n, connector.withConfig(config), listeners);
    });
    if (closed) { // close() ran meanwhile and may have missed it
      pool.close();
      throw closedException();
    }
    return pool;
  }

  /** Closes the pool of {@code node}, if any; the next {@link #pool} for it makes a new one. */
  void retire(NodeAddress node) {
    ConnectionPool pool = pools.remove(node);
    if (pool != null) {
      pool.close();
    }
  }

  /** The counters of every pool, added up. */
  PoolStats stats() {
    int active = 0;
    int idle = 0;
    int pending = 0;
    int max = 0;
    for (ConnectionPool pool : pools.values()) {
      PoolStats stats = pool.stats();
      active += stats.active();
      idle += stats.idle();
      pending += stats.pending();
      max += stats.maxTotal();
    }
    return new PoolStats(active, idle, pending, max);
  }

  boolean isClosed() {
    return closed;
  }

  RedisException closedException() {
    return new RedisException("RedisDataSource with pool " + name + " is closed");
  }

  @Override
  public void close() {
    closed = true;
    for (ConnectionPool pool : List.copyOf(pools.values())) {
      pool.close();
    }
    pools.clear();
  }
}
