/** Respite internals: not API, may change in any release. */
@NullMarked
package dev.respite.impl.connection;

import org.jspecify.annotations.NullMarked;
