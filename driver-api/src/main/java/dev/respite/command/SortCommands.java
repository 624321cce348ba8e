package dev.respite.command;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code SORT}: the elements of a list, set or sorted set, sorted, optionally by or with the values of
 * other keys.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface SortCommands<K, V> {

  /**
   * Sends {@code SORT key [BY] [LIMIT] [GET...] [ASC|DESC] [ALPHA]}; with {@code GET} patterns, one value
   * per pattern per element, null where the named key or field does not exist.
   */
  List<@Nullable V> sort(K key, SortOptions options);

  /** Sends {@code SORT_RO key ...}: the read-only form, allowed on replicas. */
  List<@Nullable V> sortReadOnly(K key, SortOptions options);

  /** Sends {@code SORT key ... STORE destination}; returns how many elements the stored list has. */
  long sortStore(K key, SortOptions options, K destination);
}
