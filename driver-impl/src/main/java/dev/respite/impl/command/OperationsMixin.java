package dev.respite.impl.command;

import dev.respite.RedisException;
import dev.respite.RedisServerException;
import dev.respite.Reply;
import dev.respite.command.Pipeline;
import dev.respite.command.RedisCodec;
import dev.respite.command.RedisOperations;
import dev.respite.command.ScanOptions;
import dev.respite.command.ScoredValue;
import dev.respite.command.Script;
import dev.respite.command.Transaction;
import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * {@link RedisOperations}: what takes more than one command, built from the families and a
 * {@link CommandRunner}. Mixed into the session and its codec views.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface OperationsMixin<K, V> extends RedisOperations<K, V>, CommandFamilies<K, V> {

  /** The connection the commands run on. */
  CommandRunner runner();

  @Override
  default <K2, V2> RedisOperations<K2, V2> withCodec(RedisCodec<K2, V2> codec) {
    return new CodecView<>(runner(), TypedCodec.of(codec));
  }

  @Override
  default Stream<K> scan(ScanOptions options) {
    TypedCodec<K, V> codec = codec();
    return ScanCursor.stream(this, Keywords.SCAN, null, options, 1, items -> codec.decodeKey(items.get(0)));
  }

  @Override
  default Stream<Map.Entry<K, V>> hscan(K key, ScanOptions options) {
    TypedCodec<K, V> codec = codec();
    checkNoType(options, "HSCAN");
    return ScanCursor.stream(this, Keywords.HSCAN, codec.key(key), options, 2,
        items -> new AbstractMap.SimpleImmutableEntry<>(codec.decodeKey(items.get(0)), codec.decodeValue(items.get(1))));
  }

  @Override
  default Stream<V> sscan(K key, ScanOptions options) {
    TypedCodec<K, V> codec = codec();
    checkNoType(options, "SSCAN");
    return ScanCursor.stream(this, Keywords.SSCAN, codec.key(key), options, 1,
        items -> codec.decodeValue(items.get(0)));
  }

  @Override
  default Stream<ScoredValue<V>> zscan(K key, ScanOptions options) {
    TypedCodec<K, V> codec = codec();
    checkNoType(options, "ZSCAN");
    return ScanCursor.stream(this, Keywords.ZSCAN, codec.key(key), options, 2,
        items -> new ScoredValue<>(codec.decodeValue(items.get(0)), items.get(1).asDouble()));
  }

  @Override
  default Reply eval(Script script, List<K> keys, List<V> args) {
    try {
      return evalSha(script.sha1(), keys, args);
    } catch (RedisServerException e) {
      if (!"NOSCRIPT".equals(e.code())) {
        throw e;
      }
      return eval(script.source(), keys, args); // EVAL also caches the script for the next EVALSHA
    }
  }

  @Override
  default Pipeline<K, V> pipeline() {
    return new RealPipeline<>(runner(), codec());
  }

  @Override
  @SuppressWarnings("unchecked")
  default void watch(K... keys) {
    run(Command.of(Keywords.WATCH, Decoders.STATUS, args().keys(Args.nonEmpty("WATCH", keys)).array()));
  }

  @Override
  default void unwatch() {
    run(Command.of(Keywords.UNWATCH, Decoders.STATUS));
  }

  @Override
  default Transaction<K, V> multi() {
    return new RealTransaction<>(runner(), codec());
  }

  @Override
  default boolean transaction(Consumer<Transaction<K, V>> block) {
    Objects.requireNonNull(block, "block");
    try (Transaction<K, V> tx = multi()) {
      block.accept(tx);
      return tx.exec();
    }
  }

  @Override
  default <R extends @Nullable Object> R optimistic(int maxAttempts, List<K> keys,
      Function<Transaction<K, V>, R> block) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
    }
    Object[] watched = args().keys(Args.nonEmpty("WATCH", keys)).array();
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      run(Command.of(Keywords.WATCH, Decoders.STATUS, watched));
      try (Transaction<K, V> tx = multi()) {
        R result = block.apply(tx);
        if (tx.exec()) {
          return result;
        }
      }
    }
    throw new RedisException("The transaction was aborted " + maxAttempts
        + " times because a watched key kept changing; giving up");
  }

  private static void checkNoType(ScanOptions options, String command) {
    if (options.type() != null) {
      throw new IllegalArgumentException(command + " takes no TYPE option; only SCAN does");
    }
  }
}
