package dev.respite.impl.pubsub;

import dev.respite.RedisException;
import dev.respite.impl.connection.Connector;
import dev.respite.impl.event.Listeners;
import dev.respite.pubsub.MessageListener;
import dev.respite.pubsub.RedisSubscriber;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The open subscribers of one data source, so that closing the data source closes them. Thread-safe. */
public final class Subscribers implements AutoCloseable {
  private final Set<RealRedisSubscriber> open = ConcurrentHashMap.newKeySet();
  private final Connector connector;
  private final Listeners events;
  private volatile boolean closed;

  /** Subscribers connected by the data source's {@code connector}, reporting to its listeners. */
  public Subscribers(Connector connector, Listeners events) {
    this.connector = connector;
    this.events = events;
  }

  /**
   * Opens a subscriber and keeps track of it until it is closed.
   *
   * @throws RedisException if {@link #close()} was called
   */
  public RedisSubscriber open(MessageListener listener) {
    return open(listener, ShardChannelLoss.NONE);
  }

  /**
   * Opens a subscriber that tells {@code loss} of shard channels its server stops delivering unasked (a
   * cluster node whose slot moved), and keeps track of it until it is closed.
   *
   * @throws RedisException if {@link #close()} was called
   */
  public RedisSubscriber open(MessageListener listener, ShardChannelLoss loss) {
    if (closed) {
      throw closedException();
    }
    RealRedisSubscriber subscriber = RealRedisSubscriber.open(connector, listener, events, open::remove, loss);
    open.add(subscriber);
    if (closed) { // close() ran meanwhile and may have missed it
      subscriber.close();
      throw closedException();
    }
    return subscriber;
  }

  /** Makes every open subscriber connect again through the connector (see {@link RealRedisSubscriber#reconnect()}). */
  public void reconnectAll() {
    for (RealRedisSubscriber subscriber : List.copyOf(open)) {
      subscriber.reconnect();
    }
  }

  /** Closes every open subscriber; later {@link #open} calls fail. Calling it again does nothing. */
  @Override
  public void close() {
    closed = true;
    for (RealRedisSubscriber subscriber : List.copyOf(open)) {
      subscriber.close();
    }
  }

  private static RedisException closedException() {
    return new RedisException("The data source is closed; no subscriber can be opened");
  }
}
