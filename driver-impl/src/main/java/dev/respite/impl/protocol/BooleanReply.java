package dev.respite.impl.protocol;

import dev.respite.ReplyType;
import java.nio.charset.StandardCharsets;

/** A RESP3 {@code #t} or {@code #f}; only the two shared instances exist. */
final class BooleanReply extends BaseReply {
  static final BooleanReply TRUE = new BooleanReply(true);
  static final BooleanReply FALSE = new BooleanReply(false);

  private final boolean value;

  private BooleanReply(boolean value) {
    this.value = value;
  }

  static BooleanReply of(boolean value) {
    return value ? TRUE : FALSE;
  }

  @Override
  public ReplyType type() {
    return ReplyType.BOOLEAN;
  }

  /** {@code t} or {@code f}, the RESP text form. */
  @Override
  public String asString() {
    return value ? "t" : "f";
  }

  @Override
  public byte[] asBytes() {
    return asString().getBytes(StandardCharsets.US_ASCII);
  }

  @Override
  public boolean asBoolean() {
    return value;
  }

  // Identity equality suffices: the constructor is private and only TRUE and FALSE exist.
}
