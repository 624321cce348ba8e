/** Respite internals: dispatch to {@link dev.respite.spi.RedisListener}s. Not API. */
@NullMarked
package dev.respite.impl.event;

import org.jspecify.annotations.NullMarked;
