package dev.respite.command;

import java.util.Objects;

/**
 * A member with its position, as {@code GEOADD} takes it.
 *
 * @param value the member
 * @param coordinates where it is
 */
public record GeoValue<V>(V value, GeoCoordinates coordinates) {

  /** Checks that neither part is null. */
  public GeoValue {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(coordinates, "coordinates");
  }

  /** A member at {@code longitude}, {@code latitude}. */
  public static <V> GeoValue<V> of(double longitude, double latitude, V value) {
    return new GeoValue<>(value, new GeoCoordinates(longitude, latitude));
  }
}
