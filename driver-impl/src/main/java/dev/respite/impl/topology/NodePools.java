package dev.respite.impl.topology;

import dev.respite.PoolStats;
import dev.respite.RedisException;
import dev.respite.impl.connection.Connector;
import dev.respite.impl.event.Listeners;
import dev.respite.impl.pool.ConnectionPool;
import java.lang.System.Logger.Level;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * One {@link ConnectionPool} per node a Sentinel or Cluster data source uses, named {@code <pool>@host:port}
 * and made on first use with every setting of the data source. A pool is retired when its node stops being
 * what it was used for: its idle connections close at once, and connections still lent are destroyed when
 * returned. Thread-safe.
 */
public final class NodePools implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(NodePools.class.getName());

  private final String name;
  private final Function<NodeAddress, Connector> connectors;
  private final Listeners listeners;
  private final ConcurrentHashMap<NodeAddress, ConnectionPool> pools = new ConcurrentHashMap<>();
  private volatile boolean closed;

  /**
   * @param name the prefix of every pool's name
   * @param connectors how to connect to a node
   */
  public NodePools(String name, Function<NodeAddress, Connector> connectors, Listeners listeners) {
    this.name = name;
    this.connectors = connectors;
    this.listeners = listeners;
  }

  /**
   * The pool of {@code node}, made now if it has none.
   *
   * @throws RedisException if the data source is closed
   */
  public ConnectionPool pool(NodeAddress node) {
    if (closed) {
      throw closedException();
    }
    ConnectionPool pool = pools.get(node); // first, so that a known node costs no lambda: this runs per borrow
    if (pool == null) {
      pool = pools.computeIfAbsent(node, n -> new ConnectionPool(name + "@" + n, connectors.apply(n), listeners));
    }
    if (closed) { // close() ran meanwhile and may have missed it
      pool.close();
      throw closedException();
    }
    return pool;
  }

  /** Closes the pool of {@code node}, if any; the next {@link #pool} for it makes a new one. */
  public void retire(NodeAddress node) {
    ConnectionPool pool = pools.remove(node);
    if (pool != null) {
      pool.close();
    }
  }

  /** The counters of every pool of {@code all}, added up. */
  public static PoolStats stats(NodePools... all) {
    int active = 0;
    int idle = 0;
    int pending = 0;
    int max = 0;
    for (PoolStats stats : statsByPool(all).values()) {
      active += stats.active();
      idle += stats.idle();
      pending += stats.pending();
      max += stats.maxTotal();
    }
    return new PoolStats(active, idle, pending, max);
  }

  /** The counters of every pool of {@code all}, by pool name ({@code <pool>@host:port}), sorted by name. */
  public static Map<String, PoolStats> statsByPool(NodePools... all) {
    Map<String, PoolStats> stats = new TreeMap<>();
    for (NodePools each : all) {
      for (ConnectionPool pool : each.pools.values()) {
        stats.put(pool.name(), pool.stats());
      }
    }
    return Collections.unmodifiableMap(stats);
  }

  /** Whether {@link #close()} was called. */
  public boolean isClosed() {
    return closed;
  }

  /** What using a closed data source throws. */
  public RedisException closedException() {
    return new RedisException("RedisDataSource with pool " + name + " is closed");
  }

  @Override
  public void close() {
    closed = true;
    for (ConnectionPool pool : List.copyOf(pools.values())) {
      try {
        pool.close();
      } catch (RuntimeException e) {
        LOG.log(Level.DEBUG, "Could not close pool " + pool.name(), e);
      }
    }
    pools.clear();
  }
}
