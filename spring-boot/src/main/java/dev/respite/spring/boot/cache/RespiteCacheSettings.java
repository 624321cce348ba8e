package dev.respite.spring.boot.cache;

import java.time.Duration;

/**
 * How one cache stores its entries.
 *
 * @param timeToLive how long an entry lives ({@code PX} of {@code SET}); zero means no expiry
 * @param keyPrefix put before {@code <cache name>::} in every key, e.g. {@code myapp:}
 * @param cacheNullValues whether a null result is cached (else caching null is refused, as Spring does)
 */
public record RespiteCacheSettings(Duration timeToLive, String keyPrefix, boolean cacheNullValues) {

  /** Checks the settings. */
  public RespiteCacheSettings {
    if (timeToLive.isNegative()) {
      throw new IllegalArgumentException("Cache time to live must not be negative: " + timeToLive);
    }
  }

  /** The same settings with another time to live. */
  public RespiteCacheSettings withTimeToLive(Duration timeToLive) {
    return new RespiteCacheSettings(timeToLive, keyPrefix, cacheNullValues);
  }
}
