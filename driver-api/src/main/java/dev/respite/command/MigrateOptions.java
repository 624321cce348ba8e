package dev.respite.command;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The optional arguments of {@code MIGRATE}: {@code COPY}, {@code REPLACE} and the target's credentials
 * ({@code AUTH password} or {@code AUTH2 username password}). Immutable:
 * {@code MigrateOptions.none().replace().auth("app", secret)}. {@link #toString()} never shows the password.
 */
public final class MigrateOptions {
  private static final MigrateOptions NONE = new MigrateOptions(false, false, null, null);

  private final boolean copy;
  private final boolean replace;
  private final @Nullable String username;
  private final @Nullable String password;

  private MigrateOptions(boolean copy, boolean replace, @Nullable String username, @Nullable String password) {
    this.copy = copy;
    this.replace = replace;
    this.username = username;
    this.password = password;
  }

  /** No option: the keys move, and the target must not have them. */
  public static MigrateOptions none() {
    return NONE;
  }

  /** {@code COPY}: leave the keys here too. */
  public MigrateOptions copy() {
    return new MigrateOptions(true, replace, username, password);
  }

  /** {@code REPLACE}: overwrite keys the target already has. */
  public MigrateOptions replace() {
    return new MigrateOptions(copy, true, username, password);
  }

  /** {@code AUTH password}: the target's {@code requirepass}. */
  public MigrateOptions auth(String password) {
    return new MigrateOptions(copy, replace, null, Objects.requireNonNull(password, "password"));
  }

  /** {@code AUTH2 username password}: an ACL user of the target. */
  public MigrateOptions auth(String username, String password) {
    return new MigrateOptions(copy, replace, Objects.requireNonNull(username, "username"),
        Objects.requireNonNull(password, "password"));
  }

  /** Whether {@code COPY} is sent. */
  public boolean isCopy() {
    return copy;
  }

  /** Whether {@code REPLACE} is sent. */
  public boolean isReplace() {
    return replace;
  }

  /** The target's user name, or null. */
  public @Nullable String username() {
    return username;
  }

  /** The target's password, or null. */
  public @Nullable String password() {
    return password;
  }

  @Override
  public String toString() {
    return "MigrateOptions[" + (copy ? "COPY " : "") + (replace ? "REPLACE " : "")
        + (password == null ? "" : username == null ? "AUTH ***" : "AUTH2 " + username + " ***") + "]";
  }
}
