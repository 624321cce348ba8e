package dev.respite.command;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The operations of one {@code BITFIELD} call, in order. Immutable: each method returns a longer copy.
 * <pre>{@code
 * BitField.create()
 *     .incrBy(BitField.unsigned(8), 0, 1)       // INCRBY u8 0 1
 *     .overflow(BitFieldOverflow.SAT)           // OVERFLOW SAT, for the operations after it
 *     .set(BitField.signed(16), 8, -200)        // SET i16 8 -200
 *     .get(BitField.unsigned(4), 0);            // GET u4 0
 * }</pre>
 * Offsets are in bits. The reply holds one value per {@code GET}, {@code SET} (the old value) and
 * {@code INCRBY} (the new value), null where {@code OVERFLOW FAIL} refused one.
 */
public final class BitField {
  private static final BitField EMPTY = new BitField(List.of(), true);

  private final List<String> arguments;
  private final boolean readOnly;

  private BitField(List<String> arguments, boolean readOnly) {
    this.arguments = arguments;
    this.readOnly = readOnly;
  }

  /** No operation yet. */
  public static BitField create() {
    return EMPTY;
  }

  /** The type {@code i<bits>}: a signed integer of 1 to 64 bits. */
  public static String signed(int bits) {
    if (bits < 1 || bits > 64) {
      throw new IllegalArgumentException("A signed BITFIELD type has 1 to 64 bits, got " + bits);
    }
    return "i" + bits;
  }

  /** The type {@code u<bits>}: an unsigned integer of 1 to 63 bits. */
  public static String unsigned(int bits) {
    if (bits < 1 || bits > 63) {
      throw new IllegalArgumentException("An unsigned BITFIELD type has 1 to 63 bits, got " + bits);
    }
    return "u" + bits;
  }

  /** Adds {@code GET type offset}. */
  public BitField get(String type, long offset) {
    return with(true, "GET", checkType(type), checkOffset(offset));
  }

  /** Adds {@code SET type offset value}; its reply is the previous value. */
  public BitField set(String type, long offset, long value) {
    return with(false, "SET", checkType(type), checkOffset(offset), Long.toString(value));
  }

  /** Adds {@code INCRBY type offset increment}; its reply is the new value. */
  public BitField incrBy(String type, long offset, long increment) {
    return with(false, "INCRBY", checkType(type), checkOffset(offset), Long.toString(increment));
  }

  /** Adds {@code OVERFLOW WRAP|SAT|FAIL}, which applies to the {@code SET}s and {@code INCRBY}s after it. */
  public BitField overflow(BitFieldOverflow overflow) {
    return with(readOnly, "OVERFLOW", Objects.requireNonNull(overflow, "overflow").name());
  }

  /** The arguments after the key, as sent. */
  public List<String> arguments() {
    return arguments;
  }

  /** Whether every operation is a {@code GET}, as {@code BITFIELD_RO} requires. */
  public boolean isReadOnly() {
    return readOnly;
  }

  /** Whether no operation was added. */
  public boolean isEmpty() {
    return arguments.isEmpty();
  }

  private BitField with(boolean stillReadOnly, String... words) {
    List<String> out = new ArrayList<>(arguments.size() + words.length);
    out.addAll(arguments);
    Collections.addAll(out, words);
    return new BitField(Collections.unmodifiableList(out), readOnly && stillReadOnly);
  }

  private static String checkType(String type) {
    Objects.requireNonNull(type, "type");
    if (!type.matches("[iu][0-9]{1,2}")) {
      throw new IllegalArgumentException("A BITFIELD type is i1..i64 or u1..u63 (BitField.signed/unsigned), got "
          + type);
    }
    int bits = Integer.parseInt(type.substring(1));
    return type.charAt(0) == 'i' ? signed(bits) : unsigned(bits);
  }

  private static String checkOffset(long offset) {
    if (offset < 0) {
      throw new IllegalArgumentException("A BITFIELD offset must not be negative, got " + offset);
    }
    return Long.toString(offset);
  }

  @Override
  public String toString() {
    return "BitField" + arguments;
  }
}
