package dev.respite.impl.pubsub;

import dev.respite.RedisConfig;
import dev.respite.RedisException;
import dev.respite.impl.event.Listeners;
import dev.respite.pubsub.MessageListener;
import dev.respite.pubsub.RedisSubscriber;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The open subscribers of one data source, so that closing the data source closes them. Thread-safe. */
public final class Subscribers implements AutoCloseable {
  private final Set<RealRedisSubscriber> open = ConcurrentHashMap.newKeySet();
  private final Listeners events;
  private volatile boolean closed;

  /** Subscribers that report to {@code events}, the data source's listeners. */
  public Subscribers(Listeners events) {
    this.events = events;
  }

  /**
   * Opens a subscriber with {@code config} and keeps track of it until it is closed.
   *
   * @throws RedisException if {@link #close()} was called
   */
  public RedisSubscriber open(RedisConfig config, MessageListener listener) {
    if (closed) {
      throw closedException();
    }
    RealRedisSubscriber subscriber = RealRedisSubscriber.open(config, listener, events, open::remove);
    open.add(subscriber);
    if (closed) { // close() ran meanwhile and may have missed it
      subscriber.close();
      throw closedException();
    }
    return subscriber;
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
