/**
 * Spring Boot auto-configuration of Respite: a {@link dev.respite.RedisDataSource} bound to the
 * {@code respite.*} properties, its Micrometer metrics and a {@code respite} health contributor.
 */
@NullMarked
package dev.respite.spring.boot;

import org.jspecify.annotations.NullMarked;
