package dev.respite.impl.command;

import static dev.respite.impl.command.AdminKeywords.*;

import dev.respite.command.PubSubIntrospectionCommands;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** {@link PubSubIntrospectionCommands} as commands. */
public interface PubSubIntrospectionFamily<K, V> extends PubSubIntrospectionCommands<K, V>, CommandContext<K, V> {

  @Override
  default List<K> pubsubChannels() {
    return run(Command.of(PUBSUB, codec().keys, CHANNELS));
  }

  @Override
  default List<K> pubsubChannels(String pattern) {
    return run(Command.of(PUBSUB, codec().keys, CHANNELS, Objects.requireNonNull(pattern, "pattern")));
  }

  @Override
  @SuppressWarnings("unchecked")
  default Map<K, Long> pubsubNumSub(K... channels) {
    return run(Command.of(PUBSUB, AdminReplies.counts(codec()), args().add(NUMSUB)
        .keys(Args.nonEmpty("PUBSUB NUMSUB", channels)).array()));
  }

  @Override
  default long pubsubNumPat() {
    return run(Command.of(PUBSUB, Decoders.LONG, NUMPAT));
  }

  @Override
  default List<K> pubsubShardChannels() {
    return run(Command.of(PUBSUB, codec().keys, SHARDCHANNELS));
  }

  @Override
  default List<K> pubsubShardChannels(String pattern) {
    return run(Command.of(PUBSUB, codec().keys, SHARDCHANNELS, Objects.requireNonNull(pattern, "pattern")));
  }

  @Override
  @SuppressWarnings("unchecked")
  default Map<K, Long> pubsubShardNumSub(K... shardChannels) {
    return run(Command.of(PUBSUB, AdminReplies.counts(codec()), args().add(SHARDNUMSUB)
        .keys(Args.nonEmpty("PUBSUB SHARDNUMSUB", shardChannels)).array()));
  }
}
