/**
 * Micrometer metrics for Respite, named after the OpenTelemetry database-client semantic conventions.
 *
 * <p>One line binds a data source: {@link dev.respite.metrics.RespiteMetrics#bind(dev.respite.RedisDataSource,
 * io.micrometer.core.instrument.MeterRegistry)}. Micrometer is a dependency of this module only.
 */
@NullMarked
package dev.respite.metrics;

import org.jspecify.annotations.NullMarked;
