package dev.respite.impl.cluster;

import java.util.Locale;

/** Why the slot map is read again, as the {@code cause} of {@code respite.topology.refreshes}. */
enum RefreshCause {
  /** The data source was created. */
  STARTUP,
  /** {@code clusterRefreshPeriod} elapsed. */
  PERIODIC,
  /** A node answered {@code MOVED}: the map was patched for that slot, the rest may have moved too. */
  MOVED,
  /** A node answered {@code TRYAGAIN}, {@code CLUSTERDOWN}, {@code LOADING}, {@code MASTERDOWN} or {@code READONLY}. */
  RETRYABLE_ERROR,
  /** A node could not be reached, or a connection to it failed. */
  CONNECT_FAILED,
  /** A command's slot has no known owner. */
  UNCOVERED_SLOT;

  /** The lower-case word listeners and meters see. */
  String tag() {
    return name().toLowerCase(Locale.ROOT);
  }
}
