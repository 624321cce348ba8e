package dev.respite.command;

/** A unit of distance for geo commands. */
public enum GeoUnit {
  /** Metres. */
  M,
  /** Kilometres. */
  KM,
  /** Miles. */
  MI,
  /** Feet. */
  FT
}
