package dev.respite.impl.command;

import static dev.respite.impl.command.Keywords.*;

import dev.respite.command.CopyOptions;
import dev.respite.command.ExpireCondition;
import dev.respite.command.KeyCommands;
import dev.respite.impl.protocol.ProtocolKeyword;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** {@link KeyCommands} as commands. */
public interface KeyFamily<K, V> extends KeyCommands<K, V>, CommandContext<K, V> {

  @Override
  @SuppressWarnings("unchecked")
  default long del(K... keys) {
    return run(Command.of(DEL, Decoders.LONG, args().keys(Args.nonEmpty("DEL", keys)).array()));
  }

  @Override
  @SuppressWarnings("unchecked")
  default long unlink(K... keys) {
    return run(Command.of(UNLINK, Decoders.LONG, args().keys(Args.nonEmpty("UNLINK", keys)).array()));
  }

  @Override
  default boolean exists(K key) {
    return run(Command.of(EXISTS, Decoders.BOOLEAN, codec().key(key)));
  }

  @Override
  default long countExisting(List<K> keys) {
    return run(Command.of(EXISTS, Decoders.LONG, args().keys(Args.nonEmpty("EXISTS", keys)).array()));
  }

  @Override
  default boolean expire(K key, long seconds) {
    return run(Command.of(EXPIRE, Decoders.BOOLEAN, codec().key(key), seconds));
  }

  @Override
  default boolean expire(K key, long seconds, ExpireCondition condition) {
    return run(Command.of(EXPIRE, Decoders.BOOLEAN, codec().key(key), seconds, condition(condition)));
  }

  @Override
  default boolean pexpire(K key, long milliseconds) {
    return run(Command.of(PEXPIRE, Decoders.BOOLEAN, codec().key(key), milliseconds));
  }

  @Override
  default boolean pexpire(K key, long milliseconds, ExpireCondition condition) {
    return run(Command.of(PEXPIRE, Decoders.BOOLEAN, codec().key(key), milliseconds, condition(condition)));
  }

  @Override
  default boolean expireAt(K key, Instant at) {
    return run(Command.of(PEXPIREAT, Decoders.BOOLEAN, codec().key(key), at.toEpochMilli()));
  }

  @Override
  default @Nullable Instant expireTime(K key) {
    return run(Command.of(PEXPIRETIME, Decoders.EXPIRY_MILLIS, codec().key(key)));
  }

  @Override
  default long ttl(K key) {
    return run(Command.of(TTL, Decoders.LONG, codec().key(key)));
  }

  @Override
  default long pttl(K key) {
    return run(Command.of(PTTL, Decoders.LONG, codec().key(key)));
  }

  @Override
  default boolean persist(K key) {
    return run(Command.of(PERSIST, Decoders.BOOLEAN, codec().key(key)));
  }

  @Override
  default String type(K key) {
    return run(Command.of(TYPE, Decoders.STATUS, codec().key(key)));
  }

  @Override
  default void rename(K key, K newKey) {
    run(Command.of(RENAME, Decoders.STATUS, codec().key(key), codec().key(newKey)));
  }

  @Override
  default boolean renameNx(K key, K newKey) {
    return run(Command.of(RENAMENX, Decoders.BOOLEAN, codec().key(key), codec().key(newKey)));
  }

  @Override
  default boolean copy(K source, K destination, CopyOptions options) {
    Args<K, V> args = args().key(source).key(destination);
    if (options.database() >= 0) {
      args.add(DB).add((long) options.database());
    }
    if (options.isReplace()) {
      args.add(REPLACE);
    }
    return run(Command.of(COPY, Decoders.BOOLEAN, args.array()));
  }

  @Override
  default boolean move(K key, int database) {
    return run(Command.of(MOVE, Decoders.BOOLEAN, codec().key(key), (long) database));
  }

  @Override
  @SuppressWarnings("unchecked")
  default long touch(K... keys) {
    return run(Command.of(TOUCH, Decoders.LONG, args().keys(Args.nonEmpty("TOUCH", keys)).array()));
  }

  @Override
  default List<K> keys(String pattern) {
    return run(Command.of(KEYS, codec().keys, Objects.requireNonNull(pattern, "pattern")));
  }

  @Override
  default @Nullable K randomKey() {
    return run(Command.of(RANDOMKEY, codec().key));
  }

  @Override
  default @Nullable String objectEncoding(K key) {
    return run(Command.of(OBJECT, Decoders.TEXT, ENCODING, codec().key(key)));
  }

  @Override
  default long objectIdleTime(K key) {
    return run(Command.of(OBJECT, Decoders.LONG, IDLETIME, codec().key(key)));
  }

  @Override
  default long objectRefCount(K key) {
    return run(Command.of(OBJECT, Decoders.LONG, REFCOUNT, codec().key(key)));
  }

  @Override
  default long objectFreq(K key) {
    return run(Command.of(OBJECT, Decoders.LONG, FREQ, codec().key(key)));
  }

  @Override
  default @Nullable Long memoryUsage(K key) {
    return run(Command.of(MEMORY, Decoders.NULLABLE_LONG, USAGE, codec().key(key)));
  }

  @Override
  default byte @Nullable [] dump(K key) {
    return run(Command.of(DUMP, TypedCodec.BYTES.value, codec().key(key)));
  }

  @Override
  default void restore(K key, long ttlMillis, byte[] serialized, boolean replace) {
    Objects.requireNonNull(serialized, "serialized");
    Command<String> command = replace
        ? Command.of(RESTORE, Decoders.STATUS, codec().key(key), ttlMillis, serialized, REPLACE)
        : Command.of(RESTORE, Decoders.STATUS, codec().key(key), ttlMillis, serialized);
    run(command);
  }

  private static ProtocolKeyword condition(ExpireCondition condition) {
    switch (Objects.requireNonNull(condition, "condition")) {
      case NX:
        return NX;
      case XX:
        return XX;
      case GT:
        return GT;
      default:
        return LT;
    }
  }
}
