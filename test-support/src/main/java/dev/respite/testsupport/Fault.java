package dev.respite.testsupport;

import java.time.Duration;
import java.util.Objects;

/**
 * What a {@link FaultProxy} does to the bytes a server sends back, switchable at any moment, also on
 * connections already open. Commands from the client pass unchanged, except through a {@link #blackhole()}.
 */
public final class Fault {
  /** The kinds of fault; see the factory methods. */
  public enum Kind {
    NONE, LATENCY, BLACKHOLE, RESET_MID_REPLY, CLOSE_MID_REPLY, ONE_BYTE_SEGMENTS, TRICKLE
  }

  private static final Fault NONE = new Fault(Kind.NONE, Duration.ZERO);

  private final Kind kind;
  private final Duration delay;

  private Fault(Kind kind, Duration delay) {
    this.kind = kind;
    this.delay = Objects.requireNonNull(delay, "delay");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay must not be negative, got " + delay);
    }
  }

  /** Bytes pass unchanged. */
  public static Fault none() {
    return NONE;
  }

  /** Each chunk of reply bytes waits {@code delay} before it is passed on. */
  public static Fault latency(Duration delay) {
    return new Fault(Kind.LATENCY, delay);
  }

  /**
   * A network partition: the connection stays open but nothing crosses it either way, so commands are not
   * even executed; a connection opened meanwhile is accepted and never answered.
   */
  public static Fault blackhole() {
    return new Fault(Kind.BLACKHOLE, Duration.ZERO);
  }

  /** The next reply is cut half-way by a TCP reset (RST), as a crashed middlebox would. */
  public static Fault resetMidReply() {
    return new Fault(Kind.RESET_MID_REPLY, Duration.ZERO);
  }

  /** The next reply is cut half-way by an orderly close (FIN), as a server exiting would. */
  public static Fault closeMidReply() {
    return new Fault(Kind.CLOSE_MID_REPLY, Duration.ZERO);
  }

  /** Reply bytes are written one per write and flushed, so that they arrive in 1-byte TCP segments. */
  public static Fault oneByteSegments() {
    return new Fault(Kind.ONE_BYTE_SEGMENTS, Duration.ZERO);
  }

  /** Reply bytes are written one at a time, {@code perByte} apart: a slow, trickling peer. */
  public static Fault trickle(Duration perByte) {
    return new Fault(Kind.TRICKLE, perByte);
  }

  /** What this fault does. */
  public Kind kind() {
    return kind;
  }

  /** The latency, or the gap between trickled bytes; zero for the other kinds. */
  public Duration delay() {
    return delay;
  }

  @Override
  public String toString() {
    return delay.isZero() ? kind.toString() : kind + "(" + delay.toMillis() + " ms)";
  }
}
