package dev.respite.pubsub;

import org.jspecify.annotations.Nullable;

/**
 * One message received by a {@link RedisSubscriber}. Immutable, and holds no connection: it may be kept or
 * handed to another thread.
 */
public interface Message {

  /** How the message reached the subscriber: by channel, pattern or shard channel. */
  MessageKind kind();

  /** The channel it was published to, as UTF-8 text. */
  String channel();

  /**
   * The pattern that matched {@link #channel()}, for a {@link MessageKind#PATTERN PATTERN} message; null
   * for the other kinds.
   */
  @Nullable String pattern();

  /** The payload decoded as UTF-8 (bytes that are not valid UTF-8 become U+FFFD). */
  String payload();

  /** The payload exactly as published, binary-safe. The array is a copy the caller may keep or change. */
  byte[] payloadBytes();
}
