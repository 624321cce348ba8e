package dev.respite.command;

import java.util.List;
import java.util.Map;

/**
 * {@code PUBSUB}: which channels have subscribers, and how many.
 *
 * @param <K> the key (and channel) type
 * @param <V> the value type
 */
public interface PubSubIntrospectionCommands<K, V> {

  /** Sends {@code PUBSUB CHANNELS}: the channels with at least one subscriber (patterns not counted). */
  List<K> pubsubChannels();

  /** Sends {@code PUBSUB CHANNELS pattern}: those whose names match the glob {@code pattern}. */
  List<K> pubsubChannels(String pattern);

  /** Sends {@code PUBSUB NUMSUB channel...}: each channel's subscriber count, in the order given. */
  @SuppressWarnings("unchecked")
  Map<K, Long> pubsubNumSub(K... channels);

  /** Sends {@code PUBSUB NUMPAT}: how many pattern subscriptions exist, over all clients. */
  long pubsubNumPat();

  /** Sends {@code PUBSUB SHARDCHANNELS}: the shard channels with at least one subscriber. */
  List<K> pubsubShardChannels();

  /** Sends {@code PUBSUB SHARDCHANNELS pattern}. */
  List<K> pubsubShardChannels(String pattern);

  /** Sends {@code PUBSUB SHARDNUMSUB shardchannel...}: each shard channel's subscriber count. */
  @SuppressWarnings("unchecked")
  Map<K, Long> pubsubShardNumSub(K... shardChannels);
}
