package dev.respite.impl.protocol;

/**
 * Decimal text of numbers, without the Strings the JDK's methods make: writing a {@code long} into a byte
 * array, and strict parsing of the number forms RESP allows. Stricter than {@link Long#parseLong} and
 * {@link Double#parseDouble}, which accept whitespace, type suffixes and hexadecimal that no server sends.
 *
 * <p>Failures are reported as {@link NumberFormatException} with a short reason; callers translate it into
 * the exception their contract names (a protocol error when reading, a conversion error in a reply), so it
 * never escapes this package.
 */
final class DecimalText {
  /** A signed 64-bit value has at most 19 digits; more cannot fit, so it is rejected before any arithmetic. */
  static final int MAX_LONG_DIGITS = 19;

  private static final long MULTIPLY_LIMIT = Long.MIN_VALUE / 10;

  private DecimalText() {}

  /** The number of bytes {@code value} takes as decimal text, its sign included. */
  static int length(long value) {
    // Counted on the negative side, where Long.MIN_VALUE is representable.
    long negative = value < 0 ? value : -value;
    int digits = 1;
    long bound = -10;
    while (digits < MAX_LONG_DIGITS && negative <= bound) {
      digits++;
      bound *= 10;
    }
    return value < 0 ? digits + 1 : digits;
  }

  /** Writes {@code value} at {@code pos}, which must have room; returns the position after it. */
  static int write(long value, byte[] buf, int pos) {
    int end = pos + length(value);
    int i = end;
    long negative = value < 0 ? value : -value;
    do {
      buf[--i] = (byte) ('0' - negative % 10);
      negative /= 10;
    } while (negative != 0);
    if (value < 0) {
      buf[--i] = '-';
    }
    return end;
  }

  /**
   * Parses {@code bytes[from, to)} as an optional sign ({@code '+'} only when {@code allowPlus}) followed by
   * one to 19 decimal digits, without allocating.
   */
  static long parseLong(byte[] bytes, int from, int to, boolean allowPlus) {
    if (from >= to) {
      throw new NumberFormatException("empty number");
    }
    byte first = bytes[from];
    boolean negative = first == '-';
    int i = negative || (allowPlus && first == '+') ? from + 1 : from;
    if (i == to) {
      throw new NumberFormatException("sign without digits");
    }
    if (to - i > MAX_LONG_DIGITS) {
      throw new NumberFormatException("more than " + MAX_LONG_DIGITS + " digits");
    }
    // Accumulating negatively reaches Long.MIN_VALUE, whose magnitude has no positive long.
    long result = 0;
    for (; i < to; i++) {
      int digit = bytes[i] - '0';
      if (digit < 0 || digit > 9) {
        throw new NumberFormatException("not a decimal digit");
      }
      if (result < MULTIPLY_LIMIT) {
        throw new NumberFormatException("out of the range of a 64-bit integer");
      }
      result *= 10;
      if (result < Long.MIN_VALUE + digit) {
        throw new NumberFormatException("out of the range of a 64-bit integer");
      }
      result -= digit;
    }
    if (negative) {
      return result;
    }
    if (result == Long.MIN_VALUE) {
      throw new NumberFormatException("out of the range of a 64-bit integer");
    }
    return -result;
  }

  /** Whether {@code bytes} is an optional sign followed by at least one digit, as a RESP3 big number is. */
  static boolean isInteger(byte[] bytes) {
    int i = bytes.length > 0 && (bytes[0] == '-' || bytes[0] == '+') ? 1 : 0;
    if (i == bytes.length) {
      return false;
    }
    for (; i < bytes.length; i++) {
      if (bytes[i] < '0' || bytes[i] > '9') {
        return false;
      }
    }
    return true;
  }

  /**
   * Parses a RESP3 double or a numeric string such as RESP2's {@code ZSCORE} reply: a decimal with an
   * optional fraction and exponent, or {@code inf}, {@code -inf}, {@code nan} (in any case, optionally
   * signed, {@code infinity} too).
   */
  static double parseDouble(String text) {
    switch (text.toLowerCase(java.util.Locale.ROOT)) {
      case "inf":
      case "+inf":
      case "infinity":
      case "+infinity":
        return Double.POSITIVE_INFINITY;
      case "-inf":
      case "-infinity":
        return Double.NEGATIVE_INFINITY;
      case "nan":
      case "+nan":
      case "-nan":
        return Double.NaN;
      default:
        checkDecimal(text);
        return Double.parseDouble(text);
    }
  }

  private static void checkDecimal(String text) {
    int n = text.length();
    int i = n > 0 && (text.charAt(0) == '-' || text.charAt(0) == '+') ? 1 : 0;
    int digits = 0;
    while (i < n && isDigit(text.charAt(i))) {
      i++;
      digits++;
    }
    if (i < n && text.charAt(i) == '.') {
      i++;
      while (i < n && isDigit(text.charAt(i))) {
        i++;
        digits++;
      }
    }
    if (digits == 0) {
      throw new NumberFormatException("not a number");
    }
    if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
      i++;
      if (i < n && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
        i++;
      }
      int exponentDigits = 0;
      while (i < n && isDigit(text.charAt(i))) {
        i++;
        exponentDigits++;
      }
      if (exponentDigits == 0) {
        throw new NumberFormatException("exponent without digits");
      }
    }
    if (i != n) {
      throw new NumberFormatException("unexpected character in a number");
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
