package dev.respite.impl.command;

import dev.respite.Reply;
import dev.respite.impl.protocol.NumberText;
import dev.respite.impl.protocol.ProtocolKeyword;
import dev.respite.impl.protocol.RespWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One command frame, the only way anything reaches the wire: its name, its arguments, how to decode its
 * reply, and what it does to the connection ({@link CommandEffect}, derived from the command itself). Typed
 * commands, {@code execute(...)}, the handshake, PINGs, MULTI/EXEC and the subscriber's commands are all
 * frames. Immutable.
 *
 * <p>Arguments are {@link ProtocolKeyword}s, {@code String}s (sent as UTF-8 straight into the buffer),
 * {@code byte[]} or {@link Number}s ({@link NumberText}).
 *
 * @param <T> the decoded reply's type
 */
public final class Command<T extends @Nullable Object> {
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
  private final CommandEffect effect;

  private Command(ProtocolKeyword name, ReplyDecoder<T> decoder, @Nullable Object first, @Nullable Object second,
      Object[] rest, int blockMillis) {
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
    String command = name.name();
    // Only CLIENT's effect depends on its subcommand: no other command pays for reading an argument.
    this.effect = CommandEffect.of(command, command.equals("CLIENT") && argCount() > 0 ? text(arg(0)) : null);
  }

  /** The command {@code name} without arguments. */
  public static <T extends @Nullable Object> Command<T> of(ProtocolKeyword name, ReplyDecoder<T> decoder) {
    return new Command<>(name, decoder, null, null, NO_MORE, (int) NOT_BLOCKING);
  }

  /** The command {@code name arg}. */
  public static <T extends @Nullable Object> Command<T> of(ProtocolKeyword name, ReplyDecoder<T> decoder, Object arg) {
    return new Command<>(name, decoder, Objects.requireNonNull(arg), null, NO_MORE, (int) NOT_BLOCKING);
  }

  /** The command {@code name arg1 arg2}. */
  public static <T extends @Nullable Object> Command<T> of(ProtocolKeyword name, ReplyDecoder<T> decoder, Object arg1, Object arg2) {
    return new Command<>(name, decoder, Objects.requireNonNull(arg1), Objects.requireNonNull(arg2), NO_MORE,
        (int) NOT_BLOCKING);
  }

  /** The command {@code name args...}, whose reply {@code decoder} decodes. */
  public static <T extends @Nullable Object> Command<T> of(ProtocolKeyword name, ReplyDecoder<T> decoder, Object... args) {
    return new Command<>(name, decoder, null, null, args, (int) NOT_BLOCKING);
  }

  /**
   * A command given as text and loose arguments ({@code execute}): {@code command} may hold subcommand words
   * ({@code "CONFIG GET"}); arguments are {@code String}, {@code byte[]} or {@link Number}. The reply comes
   * back whole.
   *
   * @throws IllegalArgumentException naming what is wrong, before anything is sent
   */
  public static Command<Reply> raw(String command, Object... args) {
    if (command == null || command.isBlank()) {
      throw new IllegalArgumentException("Command must not be blank");
    }
    if (args == null) {
      throw new IllegalArgumentException("Arguments of " + command + " must not be null");
    }
    String[] words = command.trim().split("\\s+");
    Object[] all = new Object[words.length - 1 + args.length];
    System.arraycopy(words, 1, all, 0, words.length - 1);
    for (int i = 0; i < args.length; i++) {
      Object arg = args[i];
      if (!(arg instanceof String || arg instanceof byte[] || arg instanceof Number)) {
        throw new IllegalArgumentException("Argument " + (i + 1) + " of " + command + " is "
            + (arg == null ? "null" : "a " + arg.getClass().getName())
            + "; execute takes String, byte[] or Number arguments");
      }
      if (arg instanceof Number && NumberText.isNaN((Number) arg)) {
        throw new IllegalArgumentException("Argument " + (i + 1) + " of " + command + " is NaN");
      }
      all[words.length - 1 + i] = arg;
    }
    // A subscribing command is confirmed by a push in RESP3: it is that command's reply.
    ReplyDecoder<Reply> decoder = CommandEffect.of(words[0], null) == CommandEffect.SUBSCRIBE
        ? Decoders.REPLY_OR_PUSH : Decoders.REPLY;
    Command<Reply> frame = new Command<>(ProtocolKeyword.of(words[0]), decoder, null, null, all, (int) NOT_BLOCKING);
    long block = Blocking.rawMillis(frame);
    return block == NOT_BLOCKING ? frame : frame.blocking(block);
  }

  /** This command, which blocks the connection up to {@code millis} on the server (0: forever). */
  public Command<T> blocking(long millis) {
    if (millis < 0) {
      throw new IllegalArgumentException("A blocking timeout must not be negative, got " + millis + " ms");
    }
    return new Command<>(name, decoder, first, second, rest, (int) Math.min(Integer.MAX_VALUE, millis));
  }

  /** The command's name, upper-case, for listeners and messages. */
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
  public CommandEffect effect() {
    return effect;
  }

  /** The number of arguments after the name. */
  public int argCount() {
    return (first == null ? 0 : 1) + (second == null ? 0 : 1) + rest.length;
  }

  /** The argument at {@code index} (0 is the first after the name). */
  public Object arg(int index) {
    Object one = first;
    Object two = second;
    if (one != null && index == 0) {
      return one;
    }
    int shift = one == null ? 0 : 1;
    if (two != null && index == shift) {
      return two;
    }
    return rest[index - shift - (two == null ? 0 : 1)];
  }

  /** What the command table knows of this command (or its subcommand), or null for one it does not know. */
  public @Nullable CommandSpec spec() {
    String command = name.name();
    return CommandTable.find(command,
        argCount() > 0 && CommandTable.hasSubcommands(command) ? text(arg(0)) : null);
  }

  /** Where its keys stand, counting the name as word 0; none for a command the table does not know. */
  public KeyPositions keyPositions() {
    CommandSpec spec = spec();
    if (spec == null) {
      KeyPositions unknown = new KeyPositions();
      unknown.incomplete();
      return unknown;
    }
    return spec.keyPositions(argCount() + 1, new KeySpec.WordText() {
      @Override
      public @Nullable String text(int index) {
        return Command.text(arg(index - 1));
      }

      @Override
      public long number(int index) {
        Object arg = arg(index - 1);
        if (arg instanceof Number && NumberText.isWhole((Number) arg)) {
          return ((Number) arg).longValue();
        }
        try {
          String text = Command.text(arg);
          return text == null ? -1 : Long.parseLong(text);
        } catch (NumberFormatException e) {
          return -1;
        }
      }
    });
  }

  /** The database a {@code SELECT} asks for, or -1 if its argument is not a number. */
  public int selectedDatabase() {
    if (argCount() == 0) {
      return -1;
    }
    Object arg = arg(0);
    try {
      return arg instanceof Number ? ((Number) arg).intValue() : Integer.parseInt(String.valueOf(text(arg)).trim());
    } catch (NumberFormatException e) {
      return -1;
    }
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
    } else if (arg instanceof Number) {
      Number number = (Number) arg;
      if (NumberText.isWhole(number)) {
        writer.writeBulk(number.longValue());
      } else {
        writer.writeBulk(NumberText.of(number));
      }
    } else {
      throw new IllegalStateException("Unsupported argument type " + arg.getClass().getName() + " in " + name);
    }
  }

  /** An argument as text, or null for binary data that is not UTF-8 text of interest. */
  private static @Nullable String text(Object arg) {
    if (arg instanceof String) {
      return (String) arg;
    }
    if (arg instanceof ProtocolKeyword) {
      return ((ProtocolKeyword) arg).name();
    }
    if (arg instanceof byte[]) {
      byte[] bytes = (byte[]) arg;
      return bytes.length <= 64 ? new String(bytes, StandardCharsets.UTF_8) : null;
    }
    return arg instanceof Number ? String.valueOf(arg) : null;
  }

  private static void checkNumber(@Nullable Object arg) {
    if (arg instanceof Number && NumberText.isNaN((Number) arg)) {
      throw new IllegalArgumentException("NaN is not a number Redis accepts");
    }
  }

  @Override
  public String toString() {
    return "Command[" + name + "]"; // never the arguments: they may be secrets
  }
}
