package dev.respite.impl.cluster;

import dev.respite.pubsub.RedisSubscriber;
import dev.respite.pubsub.SubscriberState;
import java.util.Objects;
import java.util.Set;

/**
 * A subscriber on a Redis Cluster: channels and patterns on one primary (every node hears every
 * {@code PUBLISH}), which it leaves for the next primary when its connection fails ({@link AnyPrimary}); each
 * shard channel on the primary of its slot, where {@code SPUBLISH} delivers it, followed there when the slot
 * moves or its node dies ({@link ShardSubscriptions}). The listener hears {@code CLOSED} once, from the main
 * subscriber, closed last.
 */
final class ClusterSubscriber implements RedisSubscriber {
  private final RedisSubscriber main;
  private final ShardSubscriptions shards;

  ClusterSubscriber(RedisSubscriber main, ShardSubscriptions shards) {
    this.main = main;
    this.shards = shards;
  }

  @Override
  public void subscribe(String... channels) {
    main.subscribe(channels);
  }

  @Override
  public void psubscribe(String... patterns) {
    main.psubscribe(patterns);
  }

  /** Each shard channel on the node of its slot, one {@code SSUBSCRIBE} per channel (a node refuses two slots). */
  @Override
  public void ssubscribe(String... channels) {
    if (channels.length == 0) {
      throw new IllegalArgumentException("SSUBSCRIBE needs at least one name");
    }
    for (String channel : channels) {
      Objects.requireNonNull(channel, "SSUBSCRIBE was given a null name");
    }
    shards.subscribe(channels);
  }

  @Override
  public void unsubscribe(String... channels) {
    main.unsubscribe(channels);
  }

  @Override
  public void punsubscribe(String... patterns) {
    main.punsubscribe(patterns);
  }

  @Override
  public void sunsubscribe(String... channels) {
    shards.unsubscribe(channels);
  }

  @Override
  public Set<String> channels() {
    return main.channels();
  }

  @Override
  public Set<String> patterns() {
    return main.patterns();
  }

  /** Every shard channel asked for, including those being subscribed again on their slot's new owner. */
  @Override
  public Set<String> shardChannels() {
    return shards.channels();
  }

  /** {@code RECONNECTING} while the main subscriber is, or a shard channel is not yet back on its slot's owner. */
  @Override
  public SubscriberState state() {
    SubscriberState state = main.state();
    return state == SubscriberState.CONNECTED && !shards.settled() ? SubscriberState.RECONNECTING : state;
  }

  @Override
  public void close() {
    shards.close();
    main.close();
  }

  @Override
  public String toString() {
    return "RedisSubscriber[cluster, " + main + ", shard nodes " + shards.nodes() + "]";
  }
}
