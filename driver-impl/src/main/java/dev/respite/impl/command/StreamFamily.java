package dev.respite.impl.command;

import static dev.respite.impl.command.Keywords.*;

import dev.respite.Reply;
import dev.respite.command.AutoClaimResult;
import dev.respite.command.AutoClaimedIds;
import dev.respite.command.PendingMessage;
import dev.respite.command.PendingSummary;
import dev.respite.command.StreamCommands;
import dev.respite.command.StreamEntry;
import dev.respite.command.StreamReadOptions;
import dev.respite.command.StreamTrim;
import dev.respite.command.XAddOptions;
import dev.respite.command.XClaimOptions;
import dev.respite.command.XPendingOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** {@link StreamCommands} as commands. */
public interface StreamFamily<K, V> extends StreamCommands<K, V>, CommandContext<K, V> {

  @Override
  default String xadd(K key, Map<K, V> fields) {
    // Without NOMKSTREAM the reply is never null: the same frame, read by a decoder that says so.
    return run(Command.of(XADD, Decoders.NON_NULL_TEXT, xaddArgs(key, XAddOptions.none(), fields)));
  }

  @Override
  default @Nullable String xadd(K key, XAddOptions options, Map<K, V> fields) {
    return run(Command.of(XADD, Decoders.TEXT, xaddArgs(key, options, fields)));
  }

  @Override
  default long xlen(K key) {
    return run(Command.of(XLEN, Decoders.LONG, codec().key(key)));
  }

  @Override
  default List<StreamEntry<K, V>> xrange(K key, String start, String end) {
    return run(Command.of(XRANGE, StreamReplies.entries(codec()), codec().key(key), start, end));
  }

  @Override
  default List<StreamEntry<K, V>> xrange(K key, String start, String end, long count) {
    return run(Command.of(XRANGE, StreamReplies.entries(codec()), codec().key(key), start, end, COUNT, count));
  }

  @Override
  default List<StreamEntry<K, V>> xrevrange(K key, String end, String start, long count) {
    return run(Command.of(XREVRANGE, StreamReplies.entries(codec()), codec().key(key), end, start, COUNT, count));
  }

  @Override
  default long xdel(K key, String... ids) {
    return run(Command.of(XDEL, Decoders.LONG, args().key(key).all(Args.nonEmpty("XDEL", ids)).array()));
  }

  @Override
  default long xtrim(K key, StreamTrim trim) {
    return run(Command.of(XTRIM, Decoders.LONG, trimArgs(args().key(key), trim).array()));
  }

  @Override
  default Map<K, List<StreamEntry<K, V>>> xread(StreamReadOptions options, Map<K, String> streams) {
    Args<K, V> args = args();
    long block = readOptions(args, options);
    Command<Map<K, List<StreamEntry<K, V>>>> command =
        Command.of(XREAD, StreamReplies.streams(codec()), streamArgs(args, streams).array());
    return run(block >= 0 ? command.blocking(block) : command);
  }

  @Override
  default Map<K, List<StreamEntry<K, V>>> xreadGroup(String group, String consumer, StreamReadOptions options,
      Map<K, String> streams) {
    Args<K, V> args = args().add(GROUP).add(group).add(consumer);
    long block = readOptions(args, options);
    if (options.isNoAck()) {
      args.add(NOACK);
    }
    Command<Map<K, List<StreamEntry<K, V>>>> command =
        Command.of(XREADGROUP, StreamReplies.streams(codec()), streamArgs(args, streams).array());
    return run(block >= 0 ? command.blocking(block) : command);
  }

  @Override
  default void xsetId(K key, String lastId) {
    run(Command.of(XSETID, Decoders.STATUS, codec().key(key), Objects.requireNonNull(lastId, "lastId")));
  }

  @Override
  default void xgroupCreate(K key, String group, String id) {
    run(Command.of(XGROUP, Decoders.STATUS, CREATE, codec().key(key), group, id, MKSTREAM));
  }

  @Override
  default boolean xgroupDestroy(K key, String group) {
    return run(Command.of(XGROUP, Decoders.BOOLEAN, DESTROY, codec().key(key), group));
  }

  @Override
  default boolean xgroupCreateConsumer(K key, String group, String consumer) {
    return run(Command.of(XGROUP, Decoders.BOOLEAN, CREATECONSUMER, codec().key(key), group, consumer));
  }

  @Override
  default long xgroupDelConsumer(K key, String group, String consumer) {
    return run(Command.of(XGROUP, Decoders.LONG, DELCONSUMER, codec().key(key), group, consumer));
  }

  @Override
  default void xgroupSetId(K key, String group, String id) {
    run(Command.of(XGROUP, Decoders.STATUS, SETID, codec().key(key), group, id));
  }

  @Override
  default long xack(K key, String group, String... ids) {
    return run(Command.of(XACK, Decoders.LONG, args().key(key).add(group).all(Args.nonEmpty("XACK", ids))
        .array()));
  }

  @Override
  default PendingSummary xpending(K key, String group) {
    return run(Command.of(XPENDING, StreamReplies.SUMMARY, codec().key(key), group));
  }

  @Override
  default List<PendingMessage> xpending(K key, String group, String start, String end, long count) {
    return run(Command.of(XPENDING, StreamReplies.PENDING, codec().key(key), group, start, end, count));
  }

  @Override
  default List<StreamEntry<K, V>> xclaim(K key, String group, String consumer, Duration minIdle, String... ids) {
    return run(Command.of(XCLAIM, StreamReplies.entries(codec()), args().key(key).add(group).add(consumer)
        .add(minIdle.toMillis()).all(Args.nonEmpty("XCLAIM", ids)).array()));
  }

  @Override
  default AutoClaimResult<K, V> xautoclaim(K key, String group, String consumer, Duration minIdle, String start,
      long count) {
    return run(Command.of(XAUTOCLAIM, StreamReplies.autoClaim(codec()), codec().key(key), group, consumer,
        minIdle.toMillis(), start, COUNT, count));
  }

  @Override
  default Map<String, Reply> xinfoStream(K key) {
    return run(Command.of(XINFO, Decoders.REPLY_MAP, STREAM, codec().key(key)));
  }

  @Override
  default List<Map<String, Reply>> xinfoGroups(K key) {
    return run(Command.of(XINFO, Decoders.REPLY_MAP_LIST, GROUPS, codec().key(key)));
  }

  @Override
  default List<Map<String, Reply>> xinfoConsumers(K key, String group) {
    return run(Command.of(XINFO, Decoders.REPLY_MAP_LIST, CONSUMERS, codec().key(key), group));
  }

  @Override
  default List<StreamEntry<K, V>> xclaim(K key, String group, String consumer, Duration minIdle,
      XClaimOptions options, String... ids) {
    return run(Command.of(XCLAIM, StreamReplies.entries(codec()),
        claimArgs(key, group, consumer, minIdle, options, ids).array()));
  }

  @Override
  default List<String> xclaimJustId(K key, String group, String consumer, Duration minIdle, XClaimOptions options,
      String... ids) {
    return run(Command.of(XCLAIM, StreamReplies.IDS,
        claimArgs(key, group, consumer, minIdle, options, ids).add(JUSTID).array()));
  }

  @Override
  default AutoClaimedIds xautoclaimJustId(K key, String group, String consumer, Duration minIdle, String start,
      long count) {
    return run(Command.of(XAUTOCLAIM, StreamReplies.AUTOCLAIM_IDS, codec().key(key), group, consumer,
        minIdle.toMillis(), start, COUNT, count, JUSTID));
  }

  @Override
  default List<PendingMessage> xpending(K key, String group, XPendingOptions options) {
    Args<K, V> args = args().key(key).add(Objects.requireNonNull(group, "group"));
    Duration idle = options.minIdle();
    if (idle != null) {
      args.add(IDLE).add(idle.toMillis());
    }
    args.add(options.start()).add(options.end()).add(options.count());
    String consumer = options.consumerName();
    if (consumer != null) {
      args.add(consumer);
    }
    return run(Command.of(XPENDING, StreamReplies.PENDING, args.array()));
  }

  @Override
  default Map<String, Reply> xinfoStreamFull(K key, long count) {
    if (count < 0) {
      throw new IllegalArgumentException("XINFO STREAM FULL COUNT must not be negative, got " + count);
    }
    return run(Command.of(XINFO, Decoders.REPLY_MAP, STREAM, codec().key(key), FULL, COUNT, count));
  }

  private Args<K, V> claimArgs(K key, String group, String consumer, Duration minIdle, XClaimOptions options,
      String[] ids) {
    Args<K, V> args = args().key(key).add(group).add(consumer).add(minIdle.toMillis()).all(Args.nonEmpty("XCLAIM", ids));
    Duration idle = options.idleTime();
    if (idle != null) {
      args.add(IDLE).add(idle.toMillis());
    }
    Instant time = options.lastDelivery();
    if (time != null) {
      args.add(TIME).add(time.toEpochMilli());
    }
    if (options.retries() >= 0) {
      args.add(RETRYCOUNT).add(options.retries());
    }
    if (options.isForce()) {
      args.add(FORCE);
    }
    return args;
  }

  private Object[] xaddArgs(K key, XAddOptions options, Map<K, V> fields) {
    Args<K, V> args = args().key(key);
    if (options.isNoMkStream()) {
      args.add(NOMKSTREAM);
    }
    StreamTrim trim = options.trim();
    if (trim != null) {
      trimArgs(args, trim);
    }
    return args.add(options.id()).entries(Args.nonEmpty("XADD", fields)).array();
  }

  private static <A extends Args<?, ?>> A trimArgs(A args, StreamTrim trim) {
    args.add(trim.strategy()).add(trim.isApproximate() ? TILDE : EQUALS).add(trim.threshold());
    return args;
  }

  /** Adds COUNT and BLOCK; returns the block time in milliseconds, or -1. */
  private static long readOptions(Args<?, ?> args, StreamReadOptions options) {
    if (options.count() > 0) {
      args.add(COUNT).add(options.count());
    }
    Duration block = options.block();
    if (block == null) {
      return Command.NOT_BLOCKING;
    }
    args.add(BLOCK).add(block.toMillis());
    return block.toMillis();
  }

  private Args<K, V> streamArgs(Args<K, V> args, Map<K, String> streams) {
    args.add(STREAMS).keys(Args.nonEmpty("STREAMS", streams).keySet());
    for (String id : streams.values()) {
      args.add(id);
    }
    return args;
  }
}
