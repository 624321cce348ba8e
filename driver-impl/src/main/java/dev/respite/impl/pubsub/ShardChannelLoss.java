package dev.respite.impl.pubsub;

import dev.respite.RedisServerException;

/**
 * What a subscriber tells its owner, beside the listener, when a server stops delivering shard channels that
 * are still wanted: a Redis Cluster node unsubscribes the shard channels of a slot that moved away from it
 * (reshard or failover), and refuses to subscribe them again after a reconnection. The cluster subscriber then
 * subscribes them on the slot's new owner. Called on the subscriber's reader thread: must not block, nor
 * wait for any subscriber.
 */
public interface ShardChannelLoss {
  /** Ignores both: a single server never drops a shard channel itself. */
  ShardChannelLoss NONE = new ShardChannelLoss() {
    @Override
    public void dropped(String shardChannel) {
    }

    @Override
    public void resubscribeRefused(RedisServerException cause) {
    }
  };

  /** The server unsubscribed {@code shardChannel} unasked; the subscriber has forgotten it. */
  void dropped(String shardChannel);

  /** After a reconnection, the server refused to subscribe again (a {@code MOVED} for a shard channel). */
  void resubscribeRefused(RedisServerException cause);
}
