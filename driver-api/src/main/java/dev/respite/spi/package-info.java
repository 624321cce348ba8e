/** Service-provider interfaces: what an implementation of Respite plugs in. Not for application code. */
@NullMarked
package dev.respite.spi;

import org.jspecify.annotations.NullMarked;
