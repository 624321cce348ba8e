package dev.respite.impl.session;

import dev.respite.impl.protocol.RespWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;

/** A command given to {@code execute} as text and loose arguments, checked before any byte is written. */
final class RawCommand {
  private final String[] words;
  private final Object[] args;
  private final CommandEffect effect;

  private RawCommand(String[] words, Object[] args) {
    this.words = words;
    this.args = args;
    this.effect = CommandEffect.of(words[0], words.length > 1 ? words[1]
        : args.length > 0 && args[0] instanceof String ? (String) args[0] : null);
  }

  /**
   * Checks a command and its arguments. The command may hold subcommand words ({@code "CONFIG GET"}).
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  static RawCommand of(String command, Object[] args) {
    if (command == null || command.isBlank()) {
      throw new IllegalArgumentException("Command must not be blank");
    }
    if (args == null) {
      throw new IllegalArgumentException("Arguments of " + command + " must not be null");
    }
    for (int i = 0; i < args.length; i++) {
      Object arg = args[i];
      if (!(arg instanceof String || arg instanceof byte[] || arg instanceof Number)) {
        throw new IllegalArgumentException("Argument " + (i + 1) + " of " + command + " is "
            + (arg == null ? "null" : "a " + arg.getClass().getName())
            + "; execute takes String, byte[] or Number arguments");
      }
      if (arg instanceof Double || arg instanceof Float) {
        double value = ((Number) arg).doubleValue();
        if (Double.isNaN(value)) {
          throw new IllegalArgumentException("Argument " + (i + 1) + " of " + command + " is NaN");
        }
      }
    }
    return new RawCommand(command.trim().split("\\s+"), args);
  }

  /** The command's name, upper-case, for messages. */
  String name() {
    return words[0].toUpperCase(Locale.ROOT);
  }

  CommandEffect effect() {
    return effect;
  }

  /** The database a {@code SELECT} asks for, or -1 if its argument is not a number. */
  int selectedDatabase() {
    Object arg = words.length > 1 ? words[1] : args.length > 0 ? args[0] : null;
    try {
      return arg instanceof Number ? ((Number) arg).intValue() : Integer.parseInt(String.valueOf(arg).trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  void write(RespWriter writer) throws IOException {
    writer.writeArrayHeader(words.length + args.length);
    for (String word : words) {
      writer.writeBulk(word);
    }
    for (Object arg : args) {
      if (arg instanceof byte[]) {
        writer.writeBulk((byte[]) arg);
      } else if (arg instanceof String) {
        writer.writeBulk((String) arg);
      } else if (arg instanceof Long || arg instanceof Integer || arg instanceof Short || arg instanceof Byte) {
        writer.writeBulk(((Number) arg).longValue());
      } else {
        writer.writeBulk(numberText((Number) arg));
      }
    }
  }

  /** Redis reads {@code inf} and {@code -inf}, not Java's {@code Infinity}; and never exponents of BigDecimal. */
  private static String numberText(Number number) {
    if (number instanceof BigDecimal) {
      return ((BigDecimal) number).toPlainString();
    }
    if (number instanceof BigInteger) {
      return number.toString();
    }
    double value = number.doubleValue();
    if (Double.isInfinite(value)) {
      return value > 0 ? "inf" : "-inf";
    }
    return number instanceof Float ? Float.toString(number.floatValue())
        : number instanceof Double ? Double.toString(value) : number.toString();
  }
}
