package dev.respite.impl.cluster;

import java.util.Locale;

/**
 * Why the slot map is read again, as the {@code cause} of {@code respite.topology.refreshes} (the words the
 * Sentinel data source uses where the causes are the same). A refusal that did not run the command
 * ({@code TRYAGAIN}, {@code CLUSTERDOWN}, ...) is tagged with its error code in lower case instead.
 */
enum RefreshCause {
  /** The data source was created. */
  INITIAL,
  /** {@code clusterRefreshPeriod} elapsed. */
  PERIODIC,
  /** A node answered {@code MOVED}: the map was patched for that slot, the rest may have moved too. */
  MOVED,
  /** A node could not be reached, or a connection to it failed. */
  CONNECTION_FAILED,
  /** A command's slot has no known owner. */
  UNCOVERED_SLOT,
  /**
   * A replica of a primary that could not be reached answered {@code ROLE master}: the primary's slots were
   * given to it without reading {@code CLUSTER SLOTS} ({@link PromotionWatch}); the full refresh that follows is
   * counted as {@link #CONNECTION_FAILED}.
   */
  PROMOTION;

  /** The lower-case word listeners and meters see. */
  String tag() {
    return name().toLowerCase(Locale.ROOT);
  }
}
