package dev.respite.spring.boot.cache;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The {@code respite.cache.*} properties of the Spring cache over Respite. */
@ConfigurationProperties("respite.cache")
public class RespiteCacheProperties {
  /** Whether to configure Respite's CacheManager when caching is enabled (@EnableCaching). */
  private boolean enabled = true;
  /** Caches to create at startup; when set, no other cache is created. */
  private List<String> cacheNames = new ArrayList<>();
  /** How long an entry lives; 0s means no expiry. */
  private Duration timeToLive = Duration.ofMinutes(10);
  /** Time to live of the named caches, instead of time-to-live. */
  private Map<String, Duration> timeToLiveByCache = new LinkedHashMap<>();
  /** Put before "<cache name>::" in every key, e.g. "myapp:". */
  private String keyPrefix = "";
  /** Whether a null result is cached; when false, caching null is refused. */
  private boolean cacheNullValues = true;

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public List<String> getCacheNames() {
    return cacheNames;
  }

  public void setCacheNames(List<String> cacheNames) {
    this.cacheNames = cacheNames;
  }

  public Duration getTimeToLive() {
    return timeToLive;
  }

  public void setTimeToLive(Duration timeToLive) {
    this.timeToLive = timeToLive;
  }

  public Map<String, Duration> getTimeToLiveByCache() {
    return timeToLiveByCache;
  }

  public void setTimeToLiveByCache(Map<String, Duration> timeToLiveByCache) {
    this.timeToLiveByCache = timeToLiveByCache;
  }

  public String getKeyPrefix() {
    return keyPrefix;
  }

  public void setKeyPrefix(String keyPrefix) {
    this.keyPrefix = keyPrefix;
  }

  public boolean isCacheNullValues() {
    return cacheNullValues;
  }

  public void setCacheNullValues(boolean cacheNullValues) {
    this.cacheNullValues = cacheNullValues;
  }
}
