package dev.respite.metrics;

import dev.respite.PoolStats;
import dev.respite.RedisConfig;
import dev.respite.RedisDataSource;
import dev.respite.RedisSession;
import dev.respite.pubsub.MessageListener;
import dev.respite.pubsub.RedisSubscriber;
import dev.respite.spi.RedisListener;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A data source with no pool behind it, for unit tests of the listeners: its pool statistics are whatever the
 * test sets, and the test calls the registered listener's methods itself, as the driver would.
 */
final class StubDataSource implements RedisDataSource {
  private final RedisConfig config;
  private final String poolName;
  private final List<RedisListener> listeners = new CopyOnWriteArrayList<>();
  private volatile PoolStats stats = new PoolStats(0, 0, 0, 8);
  private volatile Map<String, PoolStats> nodeStats = Map.of();
  private volatile boolean closed;

  StubDataSource(String url, String poolName) {
    this.config = RedisConfig.fromUrl(url);
    this.poolName = poolName;
  }

  /** The one listener bound to it. */
  RedisListener listener() {
    if (listeners.size() != 1) {
      throw new AssertionError("Expected one listener, found " + listeners);
    }
    return listeners.get(0);
  }

  List<RedisListener> listeners() {
    return listeners;
  }

  void stats(PoolStats stats) {
    this.stats = stats;
  }

  /** The node pools a Sentinel or Cluster data source would have now, by pool name. */
  void nodeStats(Map<String, PoolStats> nodeStats) {
    this.nodeStats = Map.copyOf(nodeStats);
  }

  @Override
  public RedisSession openSession() {
    throw new UnsupportedOperationException("a stub has no connections");
  }

  @Override
  public RedisSession openSession(int database) {
    throw new UnsupportedOperationException("a stub has no connections");
  }

  @Override
  public RedisConfig config() {
    return config;
  }

  @Override
  public PoolStats poolStats() {
    return stats;
  }

  @Override
  public Map<String, PoolStats> nodePoolStats() {
    return nodeStats;
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public String poolName() {
    return poolName;
  }

  @Override
  public void addListener(RedisListener listener) {
    listeners.add(listener);
  }

  @Override
  public void removeListener(RedisListener listener) {
    if (listeners.remove(listener)) {
      listener.close();
    }
  }

  @Override
  public RedisSubscriber openSubscriber(MessageListener listener) {
    throw new UnsupportedOperationException("a stub has no connections");
  }

  /** Closes the listeners, as a real data source does. */
  @Override
  public void close() {
    closed = true;
    listeners.forEach(RedisListener::close);
    listeners.clear();
  }
}
