package dev.respite.impl;

import dev.respite.PoolStats;
import dev.respite.RedisConfig;
import dev.respite.RedisDataSource;
import dev.respite.RedisSession;
import dev.respite.impl.connection.Connector;
import dev.respite.impl.event.Listeners;
import dev.respite.impl.lane.Lanes;
import dev.respite.impl.pool.ConnectionPool;
import dev.respite.impl.pubsub.Subscribers;
import dev.respite.impl.session.RealRedisSession;
import dev.respite.pubsub.MessageListener;
import dev.respite.pubsub.RedisSubscriber;
import dev.respite.spi.RedisListener;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/** A {@link RedisDataSource} over a {@link ConnectionPool}. */
final class RealRedisDataSource implements RedisDataSource {
  private static final AtomicInteger POOL_NUMBER = new AtomicInteger();

  private final RedisConfig config;
  private final Listeners listeners;
  private final ConnectionPool pool;
  private final Subscribers subscribers;
  private final @Nullable Lanes lanes;

  RealRedisDataSource(RedisConfig config) {
    this.config = config;
    String configured = config.poolName();
    String name = configured != null ? configured : "respite-" + POOL_NUMBER.incrementAndGet();
    this.listeners = new Listeners(name, config.host() + ":" + config.port(), config.slowCommandThreshold());
    Connector connector = Connector.of(name, config);
    this.pool = new ConnectionPool(name, connector, listeners);
    this.subscribers = new Subscribers(connector, listeners);
    this.lanes = config.multiplex() > 0 ? new Lanes(config.multiplex(), pool, connector, listeners) : null;
  }

  @Override
  public RedisSession openSession() {
    return openSession(config.database());
  }

  @Override
  public RedisSession openSession(int database) {
    if (database < 0) {
      throw new IllegalArgumentException("Database index must not be negative: " + database);
    }
    if (pool.isClosed()) {
      throw pool.closedException();
    }
    Lanes shared = lanes;
    return shared != null ? RealRedisSession.open(pool, shared, database) : RealRedisSession.open(pool, database);
  }

  @Override
  public RedisConfig config() {
    return config;
  }

  @Override
  public PoolStats poolStats() {
    PoolStats stats = pool.stats();
    Lanes shared = lanes;
    return shared == null ? stats
        : new PoolStats(stats.active(), stats.idle(), stats.pending(), stats.maxTotal(), shared.inFlight());
  }

  @Override
  public boolean isClosed() {
    return pool.isClosed();
  }

  @Override
  public String poolName() {
    return pool.name();
  }

  @Override
  public void addListener(RedisListener listener) {
    listeners.add(listener);
  }

  @Override
  public void removeListener(RedisListener listener) {
    listeners.remove(listener);
  }

  @Override
  public RedisSubscriber openSubscriber(MessageListener listener) {
    if (pool.isClosed()) {
      throw pool.closedException();
    }
    return subscribers.open(listener);
  }

  /** Closes the pool, then the listeners, so that they see the last connections go. */
  @Override
  public void close() {
    if (lanes != null) {
      lanes.close();
    }
    pool.close();
    subscribers.close();
    listeners.close();
  }

  /** Host, port, database and pool name; never the password. */
  @Override
  public String toString() {
    return "RedisDataSource[pool=" + pool.name() + ", redis://" + config.host() + ":" + config.port() + "/"
        + config.database() + (pool.isClosed() ? ", closed" : "") + "]";
  }
}
