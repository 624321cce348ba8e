package dev.respite.impl.command;

import dev.respite.command.RedisCommands;

/**
 * Every family mixed together: a class that implements this and {@link CommandContext#run} and
 * {@link CommandContext#codec} has every typed command.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface CommandFamilies<K, V> extends RedisCommands<K, V>, KeyFamily<K, V>, StringFamily<K, V>,
    HashFamily<K, V>, ListFamily<K, V>, SetFamily<K, V>, SortedSetFamily<K, V>, SortedSetAggregateFamily<K, V>,
    SortFamily<K, V>, HyperLogLogFamily<K, V>, BitmapFamily<K, V>, GeoFamily<K, V>, StreamFamily<K, V>,
    ServerFamily<K, V>, ClientFamily<K, V>, SlowLogFamily<K, V>, AclFamily<K, V>, ScriptingFamily<K, V>,
    FunctionFamily<K, V>, PublishFamily<K, V>, PubSubIntrospectionFamily<K, V>,
    PersistenceFamily<K, V> {
}
