package dev.respite.command;

import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The optional arguments of {@code ZUNION}, {@code ZINTER} and their {@code STORE} forms:
 * {@code WEIGHTS weight...} (one per key) and {@code AGGREGATE SUM|MIN|MAX}. Immutable:
 * {@code ZAggregateOptions.weights(1, 0.5).aggregate(ZAggregate.MAX)}.
 */
public final class ZAggregateOptions {
  private static final ZAggregateOptions NONE = new ZAggregateOptions(null, null);

  private final double @Nullable [] weights;
  private final @Nullable ZAggregate aggregate;

  private ZAggregateOptions(double @Nullable [] weights, @Nullable ZAggregate aggregate) {
    this.weights = weights;
    this.aggregate = aggregate;
  }

  /** No option. */
  public static ZAggregateOptions none() {
    return NONE;
  }

  /** {@code WEIGHTS weight...}: each set's scores are multiplied by its weight; give one per key, in order. */
  public static ZAggregateOptions weights(double... weights) {
    return NONE.withWeights(weights);
  }

  /** These options with {@code WEIGHTS weight...}. */
  public ZAggregateOptions withWeights(double... weights) {
    Objects.requireNonNull(weights, "weights");
    if (weights.length == 0) {
      throw new IllegalArgumentException("WEIGHTS needs one weight per key, got none");
    }
    for (double weight : weights) {
      if (Double.isNaN(weight)) {
        throw new IllegalArgumentException("A weight must be a number, got NaN");
      }
    }
    return new ZAggregateOptions(weights.clone(), aggregate);
  }

  /** {@code AGGREGATE SUM|MIN|MAX}. */
  public ZAggregateOptions aggregate(ZAggregate aggregate) {
    return new ZAggregateOptions(weights, Objects.requireNonNull(aggregate, "aggregate"));
  }

  /** The weights (a copy), or null for none. */
  public double @Nullable [] weightList() {
    double[] w = weights;
    return w == null ? null : w.clone();
  }

  /** The aggregate function, or null for the server's default ({@code SUM}). */
  public @Nullable ZAggregate aggregateFunction() {
    return aggregate;
  }

  @Override
  public String toString() {
    return "ZAggregateOptions[weights=" + Arrays.toString(weights) + ", aggregate=" + aggregate + "]";
  }
}
