package dev.respite.command;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What {@code GEOSEARCH} looks for: from a member or a point, within a radius or a box, nearest first or
 * last, at most a count. Immutable: {@code GeoSearch.fromLonLat(2.35, 48.85).byRadius(5, GeoUnit.KM).count(10)}.
 *
 * @param <V> the member type
 */
public final class GeoSearch<V> {
  private final @Nullable V member;
  private final @Nullable GeoCoordinates point;
  private final double radius;
  private final double width;
  private final double height;
  private final GeoUnit unit;
  private final @Nullable Boolean ascending;
  private final long count;
  private final boolean any;

  private GeoSearch(@Nullable V member, @Nullable GeoCoordinates point, double radius, double width,
      double height, GeoUnit unit, @Nullable Boolean ascending, long count, boolean any) {
    this.member = member;
    this.point = point;
    this.radius = radius;
    this.width = width;
    this.height = height;
    this.unit = unit;
    this.ascending = ascending;
    this.count = count;
    this.any = any;
  }

  /** {@code FROMMEMBER member}; give a shape next. */
  public static <V> GeoSearch<V> fromMember(V member) {
    return new GeoSearch<>(Objects.requireNonNull(member, "member"), null, 0, 0, 0, GeoUnit.M, null, 0, false);
  }

  /** {@code FROMLONLAT longitude latitude}; give a shape next. */
  public static <V> GeoSearch<V> fromLonLat(double longitude, double latitude) {
    return new GeoSearch<>(null, new GeoCoordinates(longitude, latitude), 0, 0, 0, GeoUnit.M, null, 0, false);
  }

  /** {@code BYRADIUS radius unit}. */
  public GeoSearch<V> byRadius(double radius, GeoUnit unit) {
    return new GeoSearch<>(member, point, radius, 0, 0, unit, ascending, count, any);
  }

  /** {@code BYBOX width height unit}. */
  public GeoSearch<V> byBox(double width, double height, GeoUnit unit) {
    return new GeoSearch<>(member, point, 0, width, height, unit, ascending, count, any);
  }

  /** {@code ASC}: nearest first. */
  public GeoSearch<V> ascending() {
    return new GeoSearch<>(member, point, radius, width, height, unit, true, count, any);
  }

  /** {@code DESC}: farthest first. */
  public GeoSearch<V> descending() {
    return new GeoSearch<>(member, point, radius, width, height, unit, false, count, any);
  }

  /** {@code COUNT count}. */
  public GeoSearch<V> count(long count) {
    if (count < 1) {
      throw new IllegalArgumentException("COUNT must be positive, got " + count);
    }
    return new GeoSearch<>(member, point, radius, width, height, unit, ascending, count, false);
  }

  /**
   * {@code COUNT count ANY}: stop at the first {@code count} matches found, which need not be the nearest.
   *
   * @throws IllegalArgumentException if no count was given before
   */
  public GeoSearch<V> any() {
    if (count < 1) {
      throw new IllegalArgumentException("GEOSEARCH ANY needs a COUNT: call count(n) first");
    }
    return new GeoSearch<>(member, point, radius, width, height, unit, ascending, count, true);
  }

  /** The centre member, or null when searching from a point. */
  public @Nullable V member() {
    return member;
  }

  /** The centre point, or null when searching from a member. */
  public @Nullable GeoCoordinates point() {
    return point;
  }

  /** The radius, or 0 for a box. */
  public double radius() {
    return radius;
  }

  /** The box width, or 0 for a radius. */
  public double width() {
    return width;
  }

  /** The box height, or 0 for a radius. */
  public double height() {
    return height;
  }

  /** The unit of the shape. */
  public GeoUnit unit() {
    return unit;
  }

  /** True for {@code ASC}, false for {@code DESC}, null for the server's order. */
  public @Nullable Boolean isAscending() {
    return ascending;
  }

  /** The count, or 0 for all. */
  public long count() {
    return count;
  }

  /** Whether {@code ANY} is sent after the count. */
  public boolean isAny() {
    return any;
  }
}
