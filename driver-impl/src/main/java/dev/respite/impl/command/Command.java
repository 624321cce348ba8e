package dev.respite.impl.command;

import dev.respite.impl.protocol.ProtocolKeyword;
import dev.respite.impl.protocol.RespWriter;
import java.io.IOException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One command ready to send: its name, its arguments and how to decode its reply. Immutable.
 *
 * <p>Arguments are {@link ProtocolKeyword}s, {@code String}s (sent as UTF-8 straight into the buffer),
 * {@code byte[]}, {@code Long}/{@code Integer} (decimal text) or {@code Double} (Redis' float text).
 *
 * @param <T> the decoded reply's type
 */
public final class Command<T extends @Nullable Object> {
  /** What a command does to the connection's state beyond its reply. */
  public enum Effect {
    NONE,
    WATCH,
    UNWATCH,
    /** Leaves state the pool cannot undo (a client name): the connection is closed after the session. */
    CLOSES_CONNECTION
  }

  /** Not a blocking command. */
  public static final long NOT_BLOCKING = -1;

  private static final Object[] NO_MORE = new Object[0];

  // Up to two arguments live in fields: GET and SET then allocate this object alone, no array.
  private final ProtocolKeyword name;
  private final ReplyDecoder<T> decoder;
  private final @Nullable Object first;
  private final @Nullable Object second;
  private final Object[] rest;
  private final int blockMillis;
  private final Effect effect;

  private Command(ProtocolKeyword name, ReplyDecoder<T> decoder, @Nullable Object first, @Nullable Object second,
      Object[] rest, int blockMillis, Effect effect) {
    // Checked here, not while writing: a half-written command would cost the connection.
    checkNumber(first);
    checkNumber(second);
    for (Object arg : rest) {
      checkNumber(arg);
    }
    this.name = name;
    this.decoder = decoder;
    this.first = first;
    this.second = second;
    this.rest = rest;
    this.blockMillis = blockMillis;
    this.effect = effect;
  }

  /** The command {@code name} without arguments. */
  public static <T extends @Nullable Object> Command<T> of(ProtocolKeyword name, ReplyDecoder<T> decoder) {
    return new Command<>(name, decoder, null, null, NO_MORE, (int) NOT_BLOCKING, Effect.NONE);
  }

  /** The command {@code name arg}. */
  public static <T extends @Nullable Object> Command<T> of(ProtocolKeyword name, ReplyDecoder<T> decoder, Object arg) {
    return new Command<>(name, decoder, Objects.requireNonNull(arg), null, NO_MORE, (int) NOT_BLOCKING, Effect.NONE);
  }

  /** The command {@code name arg1 arg2}. */
  public static <T extends @Nullable Object> Command<T> of(ProtocolKeyword name, ReplyDecoder<T> decoder, Object arg1, Object arg2) {
    return new Command<>(name, decoder, Objects.requireNonNull(arg1), Objects.requireNonNull(arg2), NO_MORE,
        (int) NOT_BLOCKING, Effect.NONE);
  }

  /** The command {@code name args...}, whose reply {@code decoder} decodes. */
  public static <T extends @Nullable Object> Command<T> of(ProtocolKeyword name, ReplyDecoder<T> decoder, Object... args) {
    return new Command<>(name, decoder, null, null, args, (int) NOT_BLOCKING, Effect.NONE);
  }

  /** This command, which blocks the connection up to {@code millis} on the server (0: forever). */
  public Command<T> blocking(long millis) {
    if (millis < 0) {
      throw new IllegalArgumentException("A blocking timeout must not be negative, got " + millis + " ms");
    }
    return new Command<>(name, decoder, first, second, rest, (int) Math.min(Integer.MAX_VALUE, millis), effect);
  }

  /** This command with {@code effect} on the connection. */
  public Command<T> effect(Effect effect) {
    return new Command<>(name, decoder, first, second, rest, blockMillis, Objects.requireNonNull(effect));
  }

  /** The command's name, for listeners and messages. */
  public String name() {
    return name.name();
  }

  /** How its reply is decoded. */
  public ReplyDecoder<T> decoder() {
    return decoder;
  }

  /** How long the server may block before replying, or {@link #NOT_BLOCKING}. */
  public long blockMillis() {
    return blockMillis;
  }

  /** What it does to the connection's state. */
  public Effect effect() {
    return effect;
  }

  /** Writes the command as a RESP array of bulk strings. */
  public void write(RespWriter writer) throws IOException {
    Object one = first;
    Object two = second;
    writer.writeArrayHeader(1 + (one == null ? 0 : 1) + (two == null ? 0 : 1) + rest.length);
    writer.writeKeyword(name);
    if (one != null) {
      writeArgument(writer, one);
    }
    if (two != null) {
      writeArgument(writer, two);
    }
    for (Object arg : rest) {
      writeArgument(writer, arg);
    }
  }

  private void writeArgument(RespWriter writer, Object arg) throws IOException {
    if (arg instanceof String) {
      writer.writeBulk((String) arg);
    } else if (arg instanceof byte[]) {
      writer.writeBulk((byte[]) arg);
    } else if (arg instanceof ProtocolKeyword) {
      writer.writeKeyword((ProtocolKeyword) arg);
    } else if (arg instanceof Long || arg instanceof Integer) {
      writer.writeBulk(((Number) arg).longValue());
    } else if (arg instanceof Double) {
      writer.writeBulk(doubleText((Double) arg));
    } else {
      throw new IllegalStateException("Unsupported argument type " + arg.getClass().getName() + " in " + name);
    }
  }

  private static void checkNumber(@Nullable Object arg) {
    if (arg instanceof Double && ((Double) arg).isNaN()) {
      throw new IllegalArgumentException("NaN is not a number Redis accepts");
    }
  }

  /** Redis reads {@code inf} and {@code -inf}, not Java's {@code Infinity}. */
  static String doubleText(double value) {
    if (Double.isNaN(value)) {
      throw new IllegalArgumentException("NaN is not a number Redis accepts");
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "+inf" : "-inf";
    }
    return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
  }

  @Override
  public String toString() {
    return "Command[" + name + "]"; // never the arguments: they may be secrets
  }
}
