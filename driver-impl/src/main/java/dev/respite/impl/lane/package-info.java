/** Respite internals: not API, may change in any release. Multiplexed connections (lanes). */
@NullMarked
package dev.respite.impl.lane;

import org.jspecify.annotations.NullMarked;
