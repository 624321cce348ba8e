/** A Spring {@link org.springframework.cache.CacheManager} over a {@link dev.respite.RedisDataSource}. */
@NullMarked
package dev.respite.spring.boot.cache;

import org.jspecify.annotations.NullMarked;
