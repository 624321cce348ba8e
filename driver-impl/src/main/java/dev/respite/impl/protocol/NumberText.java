package dev.respite.impl.protocol;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The one way a number becomes a command argument: whole numbers as decimal digits, floating-point numbers
 * as the shortest text that reads back the same ({@code 1.5}, {@code 1} for 1.0), infinities as Redis
 * writes them ({@code +inf}, {@code -inf}), never an exponent for a {@link BigDecimal}. NaN has no Redis
 * form and is refused.
 */
public final class NumberText {
  private NumberText() {}

  /** Whether {@code number} is written as a whole number by {@link RespWriter#writeBulk(long)}. */
  public static boolean isWhole(Number number) {
    return number instanceof Long || number instanceof Integer || number instanceof Short || number instanceof Byte;
  }

  /** The text of a number that is not {@linkplain #isWhole whole}. */
  public static String of(Number number) {
    if (number instanceof BigDecimal) {
      return ((BigDecimal) number).toPlainString();
    }
    if (number instanceof BigInteger || isWhole(number)) {
      return number.toString();
    }
    if (number instanceof Float) {
      float value = number.floatValue();
      return Float.isFinite(value) && value != Math.rint(value) ? Float.toString(value) : of((double) value);
    }
    return of(number.doubleValue());
  }

  /** The text of {@code value}. */
  public static String of(double value) {
    if (Double.isNaN(value)) {
      throw new IllegalArgumentException("NaN is not a number Redis accepts");
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "+inf" : "-inf";
    }
    return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
  }

  /** Whether {@code number} is NaN, which no command accepts. */
  public static boolean isNaN(Number number) {
    return (number instanceof Double || number instanceof Float) && Double.isNaN(number.doubleValue());
  }
}
