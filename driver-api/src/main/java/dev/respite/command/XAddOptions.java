package dev.respite.command;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The optional arguments of {@code XADD}: {@code NOMKSTREAM}, trimming, and an explicit id. Immutable. */
public final class XAddOptions {
  private static final XAddOptions NONE = new XAddOptions("*", null, false);

  private final String id;
  private final @Nullable StreamTrim trim;
  private final boolean noMkStream;

  private XAddOptions(String id, @Nullable StreamTrim trim, boolean noMkStream) {
    this.id = id;
    this.trim = trim;
    this.noMkStream = noMkStream;
  }

  /** An auto-generated id ({@code *}), no trimming. */
  public static XAddOptions none() {
    return NONE;
  }

  /** These options with an explicit id instead of {@code *}. */
  public XAddOptions id(String id) {
    return new XAddOptions(Objects.requireNonNull(id, "id"), trim, noMkStream);
  }

  /** These options trimming as {@code trim} says. */
  public XAddOptions trim(StreamTrim trim) {
    return new XAddOptions(id, Objects.requireNonNull(trim, "trim"), noMkStream);
  }

  /** {@code NOMKSTREAM}: do not create a missing stream; {@code XADD} then returns null. */
  public XAddOptions noMkStream() {
    return new XAddOptions(id, trim, true);
  }

  /** The id sent, {@code *} by default. */
  public String id() {
    return id;
  }

  /** The trimming, or null. */
  public @Nullable StreamTrim trim() {
    return trim;
  }

  /** Whether {@code NOMKSTREAM} is sent. */
  public boolean isNoMkStream() {
    return noMkStream;
  }
}
