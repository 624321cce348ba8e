package dev.respite.command;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The optional arguments of {@code XCLAIM}: {@code IDLE ms} or {@code TIME unix-ms}, {@code RETRYCOUNT n}
 * and {@code FORCE}. Immutable: {@code XClaimOptions.none().idle(Duration.ZERO).retryCount(3).force()}.
 */
public final class XClaimOptions {
  private static final XClaimOptions NONE = new XClaimOptions(null, null, -1, false);

  private final @Nullable Duration idle;
  private final @Nullable Instant time;
  private final long retryCount;
  private final boolean force;

  private XClaimOptions(@Nullable Duration idle, @Nullable Instant time, long retryCount, boolean force) {
    this.idle = idle;
    this.time = time;
    this.retryCount = retryCount;
    this.force = force;
  }

  /** No option. */
  public static XClaimOptions none() {
    return NONE;
  }

  /** {@code IDLE ms}: set the claimed entries' idle time (instead of resetting it to zero). */
  public XClaimOptions idle(Duration idle) {
    if (Objects.requireNonNull(idle, "idle").isNegative()) {
      throw new IllegalArgumentException("XCLAIM IDLE must not be negative, got " + idle);
    }
    return new XClaimOptions(idle, null, retryCount, force);
  }

  /** {@code TIME unix-ms}: set the entries' last delivery time; replaces {@link #idle}. */
  public XClaimOptions time(Instant time) {
    return new XClaimOptions(null, Objects.requireNonNull(time, "time"), retryCount, force);
  }

  /** {@code RETRYCOUNT n}: set the delivery counter (instead of incrementing it). */
  public XClaimOptions retryCount(long count) {
    if (count < 0) {
      throw new IllegalArgumentException("XCLAIM RETRYCOUNT must not be negative, got " + count);
    }
    return new XClaimOptions(idle, time, count, force);
  }

  /** {@code FORCE}: claim ids that are in the stream but pending for no consumer. */
  public XClaimOptions force() {
    return new XClaimOptions(idle, time, retryCount, true);
  }

  /** The {@code IDLE} time, or null. */
  public @Nullable Duration idleTime() {
    return idle;
  }

  /** The {@code TIME}, or null. */
  public @Nullable Instant lastDelivery() {
    return time;
  }

  /** The {@code RETRYCOUNT}, or -1. */
  public long retries() {
    return retryCount;
  }

  /** Whether {@code FORCE} is sent. */
  public boolean isForce() {
    return force;
  }

  @Override
  public String toString() {
    return "XClaimOptions[idle=" + idle + ", time=" + time + ", retryCount=" + retryCount + (force ? ", FORCE" : "")
        + "]";
  }
}
