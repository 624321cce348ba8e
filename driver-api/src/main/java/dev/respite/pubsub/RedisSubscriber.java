package dev.respite.pubsub;

import java.util.Set;

/**
 * A pub/sub subscriber on its own connection, opened with
 * {@link dev.respite.RedisDataSource#openSubscriber(MessageListener)} and closed when no longer needed.
 *
 * <pre>{@code
 * try (RedisSubscriber subscriber = redis.openSubscriber(m -> log.info(m.channel() + ": " + m.payload()))) {
 *   subscriber.subscribe("orders");
 *   subscriber.psubscribe("audit.*");
 *   ...
 * }
 * }</pre>
 *
 * <p>The subscriber remembers what it is subscribed to. When the connection is lost (a server restart, a
 * network failure, or no answer to the periodic {@code PING} it sends to notice a silent network), it
 * connects again with a bounded exponential backoff and subscribes to all of it again; the listener sees
 * {@link SubscriberState#RECONNECTING} then {@link SubscriberState#CONNECTED}. Messages published while it
 * was disconnected are lost: Redis pub/sub delivers at most once.
 *
 * <p>The subscribe and unsubscribe methods wait until the server confirms (at most {@code socketTimeout}),
 * so that a message published after {@code subscribe} returns is delivered, and no message of a channel
 * is delivered after {@code unsubscribe} returns. Called while the subscriber is reconnecting, a subscribe
 * waits for the new connection. Thread-safe.
 */
public interface RedisSubscriber extends AutoCloseable {

  /**
   * Subscribes to channels ({@code SUBSCRIBE}).
   *
   * @throws IllegalArgumentException if no channel is given
   * @throws dev.respite.RedisTimeoutException if the server did not confirm within {@code socketTimeout};
   *     the subscription is kept and takes effect when the server gets to it
   * @throws dev.respite.RedisServerException if the server refused; the channels are not kept
   * @throws dev.respite.RedisException if the subscriber is closed
   */
  void subscribe(String... channels);

  /**
   * Subscribes to glob-style patterns such as {@code news.*} ({@code PSUBSCRIBE}); each message then names
   * the {@link Message#pattern() pattern} it matched.
   *
   * @throws IllegalArgumentException if no pattern is given
   * @throws dev.respite.RedisException as {@link #subscribe(String...)} does
   */
  void psubscribe(String... patterns);

  /**
   * Subscribes to shard channels ({@code SSUBSCRIBE}, Redis 7+), which receive {@code SPUBLISH}.
   *
   * @throws IllegalArgumentException if no shard channel is given
   * @throws dev.respite.RedisException as {@link #subscribe(String...)} does
   */
  void ssubscribe(String... shardChannels);

  /**
   * Unsubscribes from channels, or from every channel when none is given ({@code UNSUBSCRIBE}). Patterns
   * and shard channels are unaffected.
   *
   * @throws dev.respite.RedisTimeoutException if the server did not confirm within {@code socketTimeout}
   * @throws dev.respite.RedisException if the subscriber is closed
   */
  void unsubscribe(String... channels);

  /**
   * Unsubscribes from patterns, or from every pattern when none is given ({@code PUNSUBSCRIBE}).
   *
   * @throws dev.respite.RedisException as {@link #unsubscribe(String...)} does
   */
  void punsubscribe(String... patterns);

  /**
   * Unsubscribes from shard channels, or from every shard channel when none is given
   * ({@code SUNSUBSCRIBE}).
   *
   * @throws dev.respite.RedisException as {@link #unsubscribe(String...)} does
   */
  void sunsubscribe(String... shardChannels);

  /** The channels subscribed to, in subscription order; a snapshot. */
  Set<String> channels();

  /** The patterns subscribed to, in subscription order; a snapshot. */
  Set<String> patterns();

  /** The shard channels subscribed to, in subscription order; a snapshot. */
  Set<String> shardChannels();

  /** The connection's state now. */
  SubscriberState state();

  /**
   * Closes the connection and stops the reader thread, after which the listener gets no more calls but
   * the final {@link SubscriberState#CLOSED}. The server drops the subscriptions with the connection.
   * Calling it again does nothing.
   */
  @Override
  void close();
}
