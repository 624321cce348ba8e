package dev.respite.impl.cluster;

import dev.respite.PoolStats;
import dev.respite.RedisException;
import dev.respite.impl.connection.Connector;
import dev.respite.impl.event.Listeners;
import dev.respite.impl.pool.ConnectionPool;
import dev.respite.impl.topology.NodeAddress;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One connection pool per cluster node, made the first time the node is used, with every setting of the data
 * source (timeouts, pool sizes, TLS, auth, protocol, client name). Replicas read through pools of their own
 * whose connections sent {@code READONLY}: such a connection must never serve a session that expects a
 * primary's answers.
 */
final class NodePools implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(NodePools.class.getName());

  private final String name;
  private final Connector connector;
  private final Listeners listeners;
  private final Map<NodeAddress, ConnectionPool> pools = new ConcurrentHashMap<>();
  private final Map<NodeAddress, ConnectionPool> readerPools = new ConcurrentHashMap<>();
  private volatile boolean closed;

  NodePools(String name, Connector connector, Listeners listeners) {
    this.name = name;
    this.connector = connector;
    this.listeners = listeners;
  }

  /** The pool of {@code node}'s connections for primaries' commands. */
  ConnectionPool pool(NodeAddress node) {
    return poolIn(pools, node, false);
  }

  /** The pool of {@code node}'s connections in {@code READONLY} mode, for reads from a replica. */
  ConnectionPool readerPool(NodeAddress node) {
    return poolIn(readerPools, node, true);
  }

  private ConnectionPool poolIn(Map<NodeAddress, ConnectionPool> map, NodeAddress node, boolean readOnly) {
    if (closed) {
      throw closedException();
    }
    ConnectionPool pool = map.get(node);
    if (pool != null) {
      return pool;
    }
    pool = map.computeIfAbsent(node, address -> new ConnectionPool(name + (readOnly ? "-readonly-" : "-") + address,
        connector.forNode(address.host(), address.port(), readOnly), listeners));
    if (closed) {
      pool.close(); // closed meanwhile: close() may have missed it
      throw closedException();
    }
    return pool;
  }

  /** The sum of every node's pool counters. */
  PoolStats stats() {
    int active = 0;
    int idle = 0;
    int pending = 0;
    int max = 0;
    for (Map<NodeAddress, ConnectionPool> map : java.util.List.of(pools, readerPools)) {
      for (ConnectionPool pool : map.values()) {
        PoolStats stats = pool.stats();
        active += stats.active();
        idle += stats.idle();
        pending += stats.pending();
        max += stats.maxTotal();
      }
    }
    return new PoolStats(active, idle, pending, max);
  }

  boolean isClosed() {
    return closed;
  }

  RedisException closedException() {
    return new RedisException("RedisDataSource with pool " + name + " (Redis Cluster) is closed");
  }

  @Override
  public void close() {
    closed = true;
    for (Map<NodeAddress, ConnectionPool> map : java.util.List.of(pools, readerPools)) {
      for (ConnectionPool pool : map.values()) {
        try {
          pool.close();
        } catch (RuntimeException e) {
          LOG.log(Level.DEBUG, "Could not close pool " + pool.name(), e);
        }
      }
    }
  }
}
