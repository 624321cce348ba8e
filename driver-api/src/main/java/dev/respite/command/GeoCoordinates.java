package dev.respite.command;

/**
 * A point on Earth as Redis stores it.
 *
 * @param longitude degrees east, -180 to 180
 * @param latitude degrees north, about -85.05 to 85.05
 */
public record GeoCoordinates(double longitude, double latitude) {}
