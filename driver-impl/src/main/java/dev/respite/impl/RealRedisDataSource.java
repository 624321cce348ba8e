package dev.respite.impl;

import dev.respite.PoolStats;
import dev.respite.RedisConfig;
import dev.respite.RedisDataSource;
import dev.respite.RedisSession;
import dev.respite.impl.connection.Connector;
import dev.respite.impl.event.Listeners;
import dev.respite.impl.pool.ConnectionPool;
import dev.respite.impl.pubsub.Subscribers;
import dev.respite.impl.session.RealRedisSession;
import dev.respite.pubsub.MessageListener;
import dev.respite.pubsub.RedisSubscriber;
import dev.respite.spi.RedisListener;
import java.util.concurrent.atomic.AtomicInteger;

/** A {@link RedisDataSource} over a {@link ConnectionPool}. */
final class RealRedisDataSource implements RedisDataSource {
  private static final AtomicInteger POOL_NUMBER = new AtomicInteger();

  private final RedisConfig config;
  private final Listeners listeners;
  private final ConnectionPool pool;
  private final Subscribers subscribers;

  RealRedisDataSource(RedisConfig config) {
    this.config = config;
    String configured = config.poolName();
    String name = configured != null ? configured : "respite-" + POOL_NUMBER.incrementAndGet();
    this.listeners = new Listeners(name, config.host() + ":" + config.port(), config.slowCommandThreshold());
    Connector connector = Connector.of(name, config);
    this.pool = new ConnectionPool(name, connector, listeners);
    this.subscribers = new Subscribers(connector, listeners);
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
    return RealRedisSession.open(pool, database);
  }

  @Override
  public RedisConfig config() {
    return config;
  }

  @Override
  public PoolStats poolStats() {
    return pool.stats();
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
