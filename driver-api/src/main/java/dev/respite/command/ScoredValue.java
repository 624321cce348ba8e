package dev.respite.command;

/**
 * A sorted-set member with its score.
 *
 * @param value the member
 * @param score the score
 */
public record ScoredValue<V>(V value, double score) {

  /** A member with its score. */
  public static <V> ScoredValue<V> of(double score, V value) {
    return new ScoredValue<>(value, score);
  }
}
