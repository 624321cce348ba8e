package dev.respite.command;

/**
 * Every command family: each method sends one command and returns its decoded reply. These are the methods
 * a {@link CommandQueue} can queue.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface RedisCommands<K, V> extends KeyCommands<K, V>, StringCommands<K, V>, HashCommands<K, V>,
    ListCommands<K, V>, SetCommands<K, V>, SortedSetCommands<K, V>, SortedSetAggregateCommands<K, V>,
    SortCommands<K, V>, HyperLogLogCommands<K, V>, BitmapCommands<K, V>, GeoCommands<K, V>,
    StreamCommands<K, V>, ServerCommands<K, V>, ClientCommands<K, V>, SlowLogCommands<K, V>,
    AclCommands<K, V>, ScriptingCommands<K, V>, FunctionCommands<K, V>, PublishCommands<K, V>,
    PubSubIntrospectionCommands<K, V>, PersistenceCommands<K, V> {
}
