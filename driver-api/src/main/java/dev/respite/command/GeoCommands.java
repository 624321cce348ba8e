package dev.respite.command;

import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Commands on geospatial indexes (sorted sets of points).
 *
 * @param <K> the key type
 * @param <V> the member type
 */
public interface GeoCommands<K, V> {

  /** Sends {@code GEOADD key longitude latitude member}; returns how many were added. */
  long geoadd(K key, double longitude, double latitude, V member);

  /** Sends {@code GEOPOS key member...}; null for each absent member. */
  @SuppressWarnings("unchecked")
  List<@Nullable GeoCoordinates> geopos(K key, V... members);

  /** Sends {@code GEODIST key member1 member2 unit}; null if either is absent. */
  @Nullable Double geodist(K key, V member1, V member2, GeoUnit unit);

  /** Sends {@code GEOHASH key member...}: 11-character geohashes, null for each absent member. */
  @SuppressWarnings("unchecked")
  List<@Nullable String> geohash(K key, V... members);

  /** Sends {@code GEOSEARCH key FROMMEMBER|FROMLONLAT ... BYRADIUS|BYBOX ... [ASC|DESC] [COUNT]}. */
  List<V> geosearch(K key, GeoSearch<V> search);

  /** Sends {@code GEOSEARCHSTORE destination source ...}; the size of the result. */
  long geosearchStore(K destination, K source, GeoSearch<V> search);

  /**
   * Sends {@code GEOADD key [NX|XX] [CH] longitude latitude member...}; returns how many were added (or
   * changed, with {@code CH}).
   *
   * @throws IllegalArgumentException if {@code members} is empty
   */
  long geoadd(K key, GeoAddOptions options, Collection<GeoValue<V>> members);

  /**
   * Sends {@code GEOSEARCH key ... WITHDIST WITHCOORD}: each match with its distance (in the search's unit)
   * and position.
   */
  List<GeoMatch<V>> geosearchWithDetails(K key, GeoSearch<V> search);
}
