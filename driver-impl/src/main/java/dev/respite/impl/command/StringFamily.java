package dev.respite.impl.command;

import static dev.respite.impl.command.Keywords.*;

import dev.respite.command.Expiration;
import dev.respite.command.LcsResult;
import dev.respite.command.SetOptions;
import dev.respite.command.StringCommands;
import dev.respite.impl.protocol.ProtocolKeyword;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** {@link StringCommands} as commands. */
public interface StringFamily<K, V> extends StringCommands<K, V>, CommandContext<K, V> {

  @Override
  default @Nullable V get(K key) {
    TypedCodec<K, V> codec = codec();
    return run(Command.of(GET, codec.value, codec.key(key)));
  }

  @Override
  default void set(K key, V value) {
    TypedCodec<K, V> codec = codec();
    run(Command.of(SET, Decoders.STATUS, codec.key(key), codec.value(value)));
  }

  @Override
  default boolean set(K key, V value, SetOptions options) {
    return run(Command.of(SET, Decoders.NOT_NULL, setArgs(key, value, options).array()));
  }

  @Override
  default @Nullable V setGet(K key, V value, SetOptions options) {
    return run(Command.of(SET, codec().value, setArgs(key, value, options).add(GET).array()));
  }

  @Override
  default @Nullable V getDel(K key) {
    return run(Command.of(GETDEL, codec().value, codec().key(key)));
  }

  @Override
  default @Nullable V getEx(K key, Expiration expiration) {
    Args<K, V> args = args().key(key);
    expiration(args, expiration);
    return run(Command.of(GETEX, codec().value, args.array()));
  }

  @Override
  @SuppressWarnings("unchecked")
  default List<@Nullable V> mget(K... keys) {
    return run(Command.<List<@Nullable V>>of(MGET, codec().nullableValues, args().keys(Args.nonEmpty("MGET", keys)).array()));
  }

  @Override
  default void mset(Map<K, V> entries) {
    run(Command.of(MSET, Decoders.STATUS, args().entries(Args.nonEmpty("MSET", entries)).array()));
  }

  @Override
  default boolean msetNx(Map<K, V> entries) {
    return run(Command.of(MSETNX, Decoders.BOOLEAN, args().entries(Args.nonEmpty("MSETNX", entries)).array()));
  }

  @Override
  default long incr(K key) {
    return run(Command.of(INCR, Decoders.LONG, codec().key(key)));
  }

  @Override
  default long incrBy(K key, long increment) {
    return run(Command.of(INCRBY, Decoders.LONG, codec().key(key), increment));
  }

  @Override
  default long decr(K key) {
    return run(Command.of(DECR, Decoders.LONG, codec().key(key)));
  }

  @Override
  default long decrBy(K key, long decrement) {
    return run(Command.of(DECRBY, Decoders.LONG, codec().key(key), decrement));
  }

  @Override
  default double incrByFloat(K key, double increment) {
    return run(Command.of(INCRBYFLOAT, Decoders.DOUBLE, codec().key(key), increment));
  }

  @Override
  default long append(K key, V value) {
    return run(Command.of(APPEND, Decoders.LONG, codec().key(key), codec().value(value)));
  }

  @Override
  default long strlen(K key) {
    return run(Command.of(STRLEN, Decoders.LONG, codec().key(key)));
  }

  @Override
  default long setRange(K key, long offset, V value) {
    return run(Command.of(SETRANGE, Decoders.LONG, codec().key(key), offset, codec().value(value)));
  }

  @Override
  @SuppressWarnings("NullAway") // GETRANGE always answers a string; a queue's null placeholder is never read
  default V getRange(K key, long start, long end) {
    return run(Command.of(GETRANGE, codec().value, codec().key(key), start, end));
  }

  @Override
  default V lcs(K key1, K key2) {
    return run(Command.of(LCS, Decoders.nonNull(codec().value), codec().key(key1), codec().key(key2)));
  }

  @Override
  default long lcsLength(K key1, K key2) {
    return run(Command.of(LCS, Decoders.LONG, codec().key(key1), codec().key(key2), LEN));
  }

  @Override
  default LcsResult lcsIdx(K key1, K key2, long minMatchLength) {
    if (minMatchLength < 0) {
      throw new IllegalArgumentException("LCS MINMATCHLEN must not be negative, got " + minMatchLength);
    }
    return run(Command.of(LCS, StringReplies.LCS_IDX, codec().key(key1), codec().key(key2), IDX, MINMATCHLEN,
        minMatchLength, WITHMATCHLEN));
  }

  private Args<K, V> setArgs(K key, V value, SetOptions options) {
    Args<K, V> args = args().key(key).value(value);
    Expiration expiration = options.expiration();
    if (expiration != null) {
      expiration(args, expiration);
    }
    String condition = options.condition();
    if (condition != null) {
      args.add("NX".equals(condition) ? NX : XX);
    }
    return args;
  }

  private static void expiration(Args<?, ?> args, Expiration expiration) {
    ProtocolKeyword keyword;
    switch (expiration.kind()) {
      case EX:
        keyword = EX;
        break;
      case PX:
        keyword = PX;
        break;
      case EXAT:
        keyword = EXAT;
        break;
      case PXAT:
        keyword = PXAT;
        break;
      case KEEPTTL:
        args.add(KEEPTTL);
        return;
      default:
        args.add(PERSIST_KW);
        return;
    }
    args.add(keyword).add(expiration.amount());
  }
}
