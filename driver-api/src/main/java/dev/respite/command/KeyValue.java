package dev.respite.command;

/**
 * A value with the key it came from, as blocking pops ({@code BLPOP}, {@code BZPOPMIN}) return it.
 *
 * @param key the key
 * @param value the value
 */
public record KeyValue<K, V>(K key, V value) {}
