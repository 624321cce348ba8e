package dev.respite.command;

/**
 * Publishing to pub/sub channels; receiving needs a dedicated subscriber connection
 * ({@code RedisDataSource.openSubscriber}).
 *
 * @param <K> the key (and channel) type
 * @param <V> the value (and message) type
 */
public interface PublishCommands<K, V> {

  /** Sends {@code PUBLISH channel message}; returns how many subscribers received it. */
  long publish(K channel, V message);

  /** Sends {@code SPUBLISH shardchannel message}; returns how many subscribers received it. */
  long spublish(K shardChannel, V message);
}
