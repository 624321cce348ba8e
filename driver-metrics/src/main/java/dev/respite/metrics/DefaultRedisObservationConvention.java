package dev.respite.metrics;

import io.micrometer.common.KeyValues;

/**
 * The OpenTelemetry database-client conventions: observations {@value #COMMAND} (one command) and
 * {@value #BATCH} (a pipeline or transaction), named after the command ({@code GET}, {@code PIPELINE},
 * {@code MULTI}), with low-cardinality {@code db.system.name=redis}, {@code db.operation.name},
 * {@code db.namespace}, {@code server.address}, {@code server.port}, {@code pool.name} and, on failure,
 * {@code error.type}; high-cardinality {@code db.operation.batch.size} for a batch and, only if asked for,
 * {@code db.query.text} (the command's name: arguments are never recorded).
 */
public class DefaultRedisObservationConvention implements RedisObservationConvention {
  /** The name of a single command's observation. */
  public static final String COMMAND = "respite.command";
  /** The name of a pipeline's or transaction's observation. */
  public static final String BATCH = "respite.batch";

  private final String name;

  /** The convention of single commands ({@value #COMMAND}). */
  public DefaultRedisObservationConvention() {
    this(COMMAND);
  }

  /** The convention with observations named {@code name}: {@value #COMMAND} or {@value #BATCH}. */
  protected DefaultRedisObservationConvention(String name) {
    this.name = name;
  }

  /** The convention of pipelines and transactions ({@value #BATCH}). */
  static DefaultRedisObservationConvention batches() {
    return new DefaultRedisObservationConvention(BATCH);
  }

  @Override
  public String getName() {
    return name;
  }

  @Override
  public String getContextualName(RedisObservationContext context) {
    return context.command();
  }

  @Override
  public KeyValues getLowCardinalityKeyValues(RedisObservationContext context) {
    KeyValues values = KeyValues.of(
        "db.system.name", "redis",
        "db.operation.name", context.command(),
        "db.namespace", Integer.toString(context.database()),
        "server.address", context.serverAddress(),
        "server.port", Integer.toString(context.serverPort()),
        MetricsListener.POOL_NAME, context.poolName());
    Throwable error = context.getError();
    return error == null ? values : values.and("error.type", ErrorType.of(error));
  }

  @Override
  public KeyValues getHighCardinalityKeyValues(RedisObservationContext context) {
    KeyValues values = KeyValues.empty();
    if (context.batch() != null) {
      values = values.and("db.operation.batch.size", Integer.toString(context.commands()));
    }
    if (context.queryText()) {
      values = values.and("db.query.text", context.command());
    }
    return values;
  }
}
