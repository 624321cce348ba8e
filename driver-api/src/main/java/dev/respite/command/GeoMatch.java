package dev.respite.command;

/**
 * One result of {@code GEOSEARCH ... WITHDIST WITHCOORD}.
 *
 * @param value the member
 * @param distance its distance from the search's centre, in the search's unit
 * @param coordinates its position
 */
public record GeoMatch<V>(V value, double distance, GeoCoordinates coordinates) {}
