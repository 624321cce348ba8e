package dev.respite;

import java.util.Locale;

/**
 * Where the sessions of {@link RedisDataSource#openReadOnlySession()} read, on a Sentinel or Cluster data
 * source ({@link RedisOption#READ_FROM}). Sessions of {@link RedisDataSource#openSession()} always use the
 * primary. A replica may lag behind its primary: read from one only what may be slightly stale.
 */
public enum ReadFrom {
  /** Every read goes to the primary (the default). */
  PRIMARY("primary"),
  /** The primary, or a replica while the primary cannot be reached. */
  PRIMARY_PREFERRED("primaryPreferred"),
  /** A replica only; a session fails when none is reachable. */
  REPLICA("replica"),
  /** A replica, or the primary when no replica can be reached. */
  REPLICA_PREFERRED("replicaPreferred");

  private final String optionValue;

  ReadFrom(String optionValue) {
    this.optionValue = optionValue;
  }

  /** The value as written in a URL: {@code primary}, {@code primaryPreferred}, {@code replica}... */
  public String optionValue() {
    return optionValue;
  }

  /** Whether a read-only session starts on a replica. */
  public boolean prefersReplica() {
    return this == REPLICA || this == REPLICA_PREFERRED;
  }

  /**
   * The value written {@code text} in a URL (case-insensitive), or its enum name.
   *
   * @throws IllegalArgumentException naming the values accepted
   */
  public static ReadFrom parse(String text) {
    String wanted = text.trim().replace("_", "").toLowerCase(Locale.ROOT);
    for (ReadFrom value : values()) {
      if (value.optionValue.toLowerCase(Locale.ROOT).equals(wanted)) {
        return value;
      }
    }
    throw new IllegalArgumentException("must be primary, primaryPreferred, replica or replicaPreferred");
  }

  @Override
  public String toString() {
    return optionValue;
  }
}
