/** Respite internals: not API, may change in any release. */
@NullMarked
package dev.respite.impl.session;

import org.jspecify.annotations.NullMarked;
