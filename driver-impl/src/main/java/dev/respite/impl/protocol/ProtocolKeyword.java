package dev.respite.impl.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A command name or fixed keyword such as {@code GET} or {@code EX}, encoded once as a RESP bulk string
 * ({@code $3\r\nGET\r\n}) so that writing it is one array copy. Immutable and thread-safe: create each
 * keyword once and keep it in a {@code static final} field.
 */
public final class ProtocolKeyword {
  private final String name;
  private final byte[] encoded;

  private ProtocolKeyword(String name) {
    this.name = name;
    this.encoded = ("$" + name.length() + "\r\n" + name + "\r\n").getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * The keyword {@code name}, upper-cased.
   *
   * @throws IllegalArgumentException if {@code name} is blank, or holds anything but printable ASCII
   *     without spaces (no command name or keyword does, so such a name is a bug)
   */
  public static ProtocolKeyword of(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("A protocol keyword must not be blank");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c <= ' ' || c >= 0x7F) {
        throw new IllegalArgumentException(
            "A protocol keyword must be printable ASCII without spaces, got \"" + name + "\"");
      }
    }
    return new ProtocolKeyword(name.toUpperCase(Locale.ROOT));
  }

  /** The keyword as sent, upper-case. */
  public String name() {
    return name;
  }

  /** The whole bulk string, header included; shared, so never to be changed. */
  byte[] encoded() {
    return encoded;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return this == o || o instanceof ProtocolKeyword && name.equals(((ProtocolKeyword) o).name);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  @Override
  public String toString() {
    return name;
  }
}
