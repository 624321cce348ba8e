package dev.respite.pubsub;

/** How a {@link Message} reached its subscriber. */
public enum MessageKind {
  /** Published with {@code PUBLISH} to a channel subscribed with {@code SUBSCRIBE}. */
  CHANNEL,
  /** Published with {@code PUBLISH} to a channel matching a pattern subscribed with {@code PSUBSCRIBE}. */
  PATTERN,
  /** Published with {@code SPUBLISH} to a shard channel subscribed with {@code SSUBSCRIBE} (Redis 7+). */
  SHARD_CHANNEL
}
