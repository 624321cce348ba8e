package dev.respite.impl.cluster;

import dev.respite.impl.pubsub.Subscribers;
import dev.respite.impl.topology.NodeAddress;
import dev.respite.pubsub.Message;
import dev.respite.pubsub.MessageListener;
import dev.respite.pubsub.RedisSubscriber;
import dev.respite.pubsub.SubscriberState;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A subscriber on a Redis Cluster: channels and patterns on one node (every node hears every {@code PUBLISH}),
 * each shard channel on the primary of its slot, where {@code SPUBLISH} delivers it. One connection per node
 * used, each reconnecting to its own node; the listener hears {@code CLOSED} once, from the first node's
 * subscriber, closed last. A shard channel whose slot moves to another node after {@code SSUBSCRIBE} is not
 * followed there.
 */
final class ClusterSubscriber implements RedisSubscriber {
  private final RedisSubscriber main;
  private final MessageListener listener;
  private final Function<String, NodeAddress> shardOwner;
  private final Function<NodeAddress, Subscribers> subscribersOf;
  private final Map<NodeAddress, RedisSubscriber> shards = new HashMap<>();
  private final Map<String, NodeAddress> shardChannels = new HashMap<>();

  ClusterSubscriber(RedisSubscriber main, MessageListener listener, Function<String, NodeAddress> shardOwner,
      Function<NodeAddress, Subscribers> subscribersOf) {
    this.main = main;
    this.listener = listener;
    this.shardOwner = shardOwner;
    this.subscribersOf = subscribersOf;
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
  public synchronized void ssubscribe(String... channels) {
    for (String channel : channels) {
      NodeAddress node = shardOwner.apply(channel);
      RedisSubscriber shard = shards.computeIfAbsent(node, address -> subscribersOf.apply(address)
          .open(new ShardListener(listener)));
      shard.ssubscribe(channel);
      shardChannels.put(channel, node);
    }
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
  public synchronized void sunsubscribe(String... channels) {
    Iterable<String> which = channels.length == 0 ? Set.copyOf(shardChannels.keySet()) : Set.of(channels);
    for (String channel : which) {
      NodeAddress node = shardChannels.remove(channel);
      RedisSubscriber shard = node == null ? null : shards.get(node);
      if (shard != null) {
        shard.sunsubscribe(channel);
      }
    }
  }

  @Override
  public Set<String> channels() {
    return main.channels();
  }

  @Override
  public Set<String> patterns() {
    return main.patterns();
  }

  @Override
  public synchronized Set<String> shardChannels() {
    Set<String> all = new LinkedHashSet<>();
    shards.values().forEach(shard -> all.addAll(shard.shardChannels()));
    return Set.copyOf(all);
  }

  @Override
  public SubscriberState state() {
    return main.state();
  }

  @Override
  public synchronized void close() {
    shards.values().forEach(RedisSubscriber::close);
    shards.clear();
    shardChannels.clear();
    main.close();
  }

  @Override
  public String toString() {
    return "RedisSubscriber[cluster, " + main + ", shard nodes " + shards.keySet() + "]";
  }

  /** The caller's listener, without the shard subscribers' {@code CLOSED}: the main one says it last. */
  private static final class ShardListener implements MessageListener {
    private final MessageListener listener;

    ShardListener(MessageListener listener) {
      this.listener = listener;
    }

    @Override
    public void onMessage(Message message) {
      listener.onMessage(message);
    }

    @Override
    public void onStateChange(SubscriberState state, @Nullable Throwable cause) {
      if (state != SubscriberState.CLOSED) {
        listener.onStateChange(state, cause);
      }
    }
  }
}
