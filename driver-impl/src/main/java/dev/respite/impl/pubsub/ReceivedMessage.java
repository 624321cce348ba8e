package dev.respite.impl.pubsub;

import dev.respite.pubsub.Message;
import dev.respite.pubsub.MessageKind;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/** A {@link Message} as read from the wire; owns its payload array, so it hands out copies only. */
final class ReceivedMessage implements Message {
  private final MessageKind kind;
  private final String channel;
  private final @Nullable String pattern;
  private final byte[] payload;

  ReceivedMessage(MessageKind kind, String channel, @Nullable String pattern, byte[] payload) {
    this.kind = kind;
    this.channel = channel;
    this.pattern = pattern;
    this.payload = payload;
  }

  @Override
  public MessageKind kind() {
    return kind;
  }

  @Override
  public String channel() {
    return channel;
  }

  @Override
  public @Nullable String pattern() {
    return pattern;
  }

  @Override
  public String payload() {
    return new String(payload, StandardCharsets.UTF_8);
  }

  @Override
  public byte[] payloadBytes() {
    return payload.clone();
  }

  /** Kind, channel, pattern and the payload's size; never the payload, which may be anything. */
  @Override
  public String toString() {
    return "Message[" + kind + ", channel=" + channel + (pattern != null ? ", pattern=" + pattern : "")
        + ", " + payload.length + " bytes]";
  }
}
