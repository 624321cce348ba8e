/** Respite internals: not API, may change in any release. */
@NullMarked
package dev.respite.impl.pool;

import org.jspecify.annotations.NullMarked;
