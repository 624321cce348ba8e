package dev.respite.impl.sentinel;

/** Why the {@link PrimaryWatch} asked the sentinels again; its {@link #tag()} is the metric's {@code cause}. */
public enum RefreshCause {
  /** The data source was made. */
  INITIAL("initial"),
  /** The periodic poll ({@code sentinelPollInterval}). */
  POLL("poll"),
  /** A sentinel published an event about the primary, a replica or a sentinel. */
  EVENT("event"),
  /** A subscription to a sentinel was renewed after a loss: an event may have been missed. */
  RESUBSCRIBED("resubscribed"),
  /** A failover is in progress or the primary is unconfirmed: asked again every 200 ms. */
  RETRY("retry"),
  /** The primary answered {@code READONLY}: it was demoted. */
  READONLY("readonly"),
  /** The primary answered {@code LOADING}. */
  LOADING("loading"),
  /** The primary answered {@code MASTERDOWN}. */
  MASTERDOWN("masterdown"),
  /** A connection to the primary could not be made, or a command on it failed with an I/O error. */
  CONNECTION_FAILED("connection_failed");

  private final String tag;

  RefreshCause(String tag) {
    this.tag = tag;
  }

  /** The lower-case name used as a metric tag. */
  public String tag() {
    return tag;
  }
}
