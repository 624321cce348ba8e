package dev.respite.impl.command;

import dev.respite.Reply;
import dev.respite.impl.protocol.RespReader;
import java.io.IOException;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Turns one reply into a command's return type: read straight from the connection, or decoded from a
 * {@link Reply} already read (an element of {@code EXEC}'s reply).
 *
 * <p>Also gives the placeholder a queued command returns to the lambda that queued it: a value of the
 * right type (0 for numbers, so that unboxing never fails) that nobody uses.
 *
 * @param <T> the decoded type
 */
public abstract class ReplyDecoder<T extends @Nullable Object> {
  private final T placeholder;

  protected ReplyDecoder(T placeholder) {
    this.placeholder = placeholder;
  }

  /** A decoder that decodes a whole reply with {@code decode}. */
  public static <T extends @Nullable Object> ReplyDecoder<T> of(T placeholder, Function<Reply, T> decode) {
    return new ReplyDecoder<>(placeholder) {
      @Override
      public T decode(Reply reply) {
        return decode.apply(reply);
      }
    };
  }

  /** Reads the next reply from {@code reader}; fast decoders override this to skip the reply tree. */
  public T read(RespReader reader) throws IOException {
    return decode(reader.readReply());
  }

  /** Decodes a reply that is not an error. */
  public abstract T decode(Reply reply);

  /** What a queued command gives back before its reply is known. */
  public final T placeholder() {
    return placeholder;
  }
}
