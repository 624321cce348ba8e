package dev.respite.command;

/**
 * Commands on HyperLogLogs, which estimate how many distinct elements were added.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface HyperLogLogCommands<K, V> {

  /** Sends {@code PFADD key element...}; returns whether the estimate changed. */
  @SuppressWarnings("unchecked")
  boolean pfadd(K key, V... elements);

  /** Sends {@code PFCOUNT key...}: the estimated cardinality of their union. */
  @SuppressWarnings("unchecked")
  long pfcount(K... keys);

  /** Sends {@code PFMERGE destination source...}. */
  @SuppressWarnings("unchecked")
  void pfmerge(K destination, K... sources);
}
