/**
 * Micrometer metrics for Respite. A placeholder until the metrics issue lands: the module exists so that
 * Micrometer stays out of every other module's dependencies.
 */
@NullMarked
package dev.respite.metrics;

import org.jspecify.annotations.NullMarked;
