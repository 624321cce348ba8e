package dev.respite.command;

/** How {@code ZUNION}/{@code ZINTER} combine a member's scores from several sets ({@code AGGREGATE ...}). */
public enum ZAggregate {
  /** Add them (the default). */
  SUM,
  /** Keep the lowest. */
  MIN,
  /** Keep the highest. */
  MAX
}
