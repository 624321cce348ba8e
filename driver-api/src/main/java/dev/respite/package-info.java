/**
 * Respite's public API: a JDBC-style Redis driver.
 *
 * <p>Inject a {@link dev.respite.RedisDataSource}, borrow a {@link dev.respite.RedisSession} per unit
 * of work and close it when done. Everything here is an interface, an immutable value or an unchecked
 * exception; the implementation is found at run time with {@link java.util.ServiceLoader}.
 */
@NullMarked
package dev.respite;

import org.jspecify.annotations.NullMarked;
