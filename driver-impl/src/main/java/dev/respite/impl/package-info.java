/** Respite's implementation of {@code dev.respite}, found by {@link java.util.ServiceLoader}. Not API. */
@NullMarked
package dev.respite.impl;

import org.jspecify.annotations.NullMarked;
