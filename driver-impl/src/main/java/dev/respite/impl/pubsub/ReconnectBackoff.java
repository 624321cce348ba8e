package dev.respite.impl.pubsub;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Delays between reconnection attempts: doubling from a minimum up to a maximum, each drawn at random from
 * its upper half so that many subscribers of a restarted server do not all reconnect at the same instant.
 */
public final class ReconnectBackoff {
  private final long minMillis;
  private final long maxMillis;
  private long ceiling;

  /** Delays from {@code minMillis}, doubling up to {@code maxMillis}. */
  public ReconnectBackoff(long minMillis, long maxMillis) {
    if (minMillis < 1 || maxMillis < minMillis) {
      throw new IllegalArgumentException("Backoff needs 1 <= min <= max, got " + minMillis + " and " + maxMillis);
    }
    this.minMillis = minMillis;
    this.maxMillis = maxMillis;
    this.ceiling = minMillis;
  }

  /** The delay before the next attempt, in milliseconds: within [ceiling / 2, ceiling], then doubles it. */
  public long nextDelayMillis() {
    long current = ceiling;
    ceiling = Math.min(maxMillis, ceiling * 2);
    long half = current / 2;
    return half + ThreadLocalRandom.current().nextLong(current - half + 1);
  }

  /** Starts again from the minimum, after a success. */
  public void reset() {
    ceiling = minMillis;
  }
}
