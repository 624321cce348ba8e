package dev.respite.command;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * A Lua script with its SHA1, computed once. {@link RedisOperations#eval(Script, java.util.List,
 * java.util.List)} sends {@code EVALSHA} and, when the server does not know the script ({@code NOSCRIPT}:
 * after a restart or {@code SCRIPT FLUSH}), {@code EVAL} with the source. Immutable; keep one in a
 * {@code static final} field.
 */
public final class Script {
  private final String source;
  private final String sha1;

  private Script(String source) {
    this.source = source;
    this.sha1 = sha1Of(source);
  }

  /** The script {@code source}. */
  public static Script of(String source) {
    Objects.requireNonNull(source, "source");
    if (source.isBlank()) {
      throw new IllegalArgumentException("A script must not be blank");
    }
    return new Script(source);
  }

  /** The Lua source. */
  public String source() {
    return source;
  }

  /** The SHA1 of the source, lower-case hex, as {@code SCRIPT LOAD} returns it. */
  public String sha1() {
    return sha1;
  }

  private static String sha1Of(String source) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder(40);
      for (byte b : digest) {
        hex.append(Character.forDigit(b >> 4 & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
      }
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java platform has SHA-1", e);
    }
  }

  @Override
  public String toString() {
    return "Script[" + sha1 + "]";
  }
}
