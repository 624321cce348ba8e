package dev.respite.command;

import java.util.Map;

/**
 * One stream entry.
 *
 * @param id the entry's id, such as {@code 1700000000000-0}
 * @param fields its fields and values, in the order sent
 */
public record StreamEntry<K, V>(String id, Map<K, V> fields) {}
