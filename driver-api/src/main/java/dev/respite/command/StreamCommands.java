package dev.respite.command;

import dev.respite.Reply;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Commands on streams. Entry ids are text ({@code 1700000000000-0}); field names use the key type.
 *
 * @param <K> the key (and field) type
 * @param <V> the value type
 */
public interface StreamCommands<K, V> {

  /** Sends {@code XADD key * field value...}; returns the new entry's id. */
  String xadd(K key, Map<K, V> fields);

  /** Sends {@code XADD key [NOMKSTREAM] [MAXLEN|MINID [=|~] threshold] id field value...}; null with NOMKSTREAM and no stream. */
  @Nullable String xadd(K key, XAddOptions options, Map<K, V> fields);

  /** Sends {@code XLEN key}. */
  long xlen(K key);

  /** Sends {@code XRANGE key start end} ({@code -} and {@code +} for the ends of the stream). */
  List<StreamEntry<K, V>> xrange(K key, String start, String end);

  /** Sends {@code XRANGE key start end COUNT count}. */
  List<StreamEntry<K, V>> xrange(K key, String start, String end, long count);

  /** Sends {@code XREVRANGE key end start COUNT count}: newest first. */
  List<StreamEntry<K, V>> xrevrange(K key, String end, String start, long count);

  /** Sends {@code XDEL key id...}; how many were deleted. */
  long xdel(K key, String... ids);

  /** Sends {@code XTRIM key MAXLEN|MINID [=|~] threshold}; how many entries were removed. */
  long xtrim(K key, StreamTrim trim);

  /**
   * Sends {@code XREAD [COUNT] [BLOCK] STREAMS key... id...}: entries after each id ({@code $}: only new
   * ones), by stream in the order given; empty when nothing came within the block time.
   */
  Map<K, List<StreamEntry<K, V>>> xread(StreamReadOptions options, Map<K, String> streams);

  /**
   * Sends {@code XREADGROUP GROUP group consumer [COUNT] [BLOCK] [NOACK] STREAMS key... id...}
   * ({@code >}: entries never delivered to this group).
   */
  Map<K, List<StreamEntry<K, V>>> xreadGroup(String group, String consumer, StreamReadOptions options,
      Map<K, String> streams);

  /** Sends {@code XSETID key last-id}: moves the stream's last id forward. */
  void xsetId(K key, String lastId);

  /** Sends {@code XGROUP CREATE key group id MKSTREAM}: creates the group, and the stream if missing. */
  void xgroupCreate(K key, String group, String id);

  /** Sends {@code XGROUP DESTROY key group}; whether it existed. */
  boolean xgroupDestroy(K key, String group);

  /** Sends {@code XGROUP CREATECONSUMER key group consumer}; whether it was created. */
  boolean xgroupCreateConsumer(K key, String group, String consumer);

  /** Sends {@code XGROUP DELCONSUMER key group consumer}; how many entries it had pending. */
  long xgroupDelConsumer(K key, String group, String consumer);

  /** Sends {@code XGROUP SETID key group id}. */
  void xgroupSetId(K key, String group, String id);

  /** Sends {@code XACK key group id...}; how many were acknowledged. */
  long xack(K key, String group, String... ids);

  /** Sends {@code XPENDING key group}. */
  PendingSummary xpending(K key, String group);

  /** Sends {@code XPENDING key group start end count}. */
  List<PendingMessage> xpending(K key, String group, String start, String end, long count);

  /** Sends {@code XCLAIM key group consumer min-idle-time id...}; the entries now owned by {@code consumer}. */
  List<StreamEntry<K, V>> xclaim(K key, String group, String consumer, Duration minIdle, String... ids);

  /** Sends {@code XAUTOCLAIM key group consumer min-idle-time start COUNT count}. */
  AutoClaimResult<K, V> xautoclaim(K key, String group, String consumer, Duration minIdle, String start,
      long count);

  /** Sends {@code XINFO STREAM key}: its fields by name. */
  Map<String, Reply> xinfoStream(K key);

  /** Sends {@code XINFO GROUPS key}: each group's fields by name. */
  List<Map<String, Reply>> xinfoGroups(K key);

  /** Sends {@code XINFO CONSUMERS key group}: each consumer's fields by name. */
  List<Map<String, Reply>> xinfoConsumers(K key, String group);

  /** Sends {@code XCLAIM key group consumer min-idle-time id... [IDLE|TIME] [RETRYCOUNT] [FORCE]}. */
  List<StreamEntry<K, V>> xclaim(K key, String group, String consumer, Duration minIdle, XClaimOptions options,
      String... ids);

  /** Sends {@code XCLAIM ... JUSTID}: only the ids claimed, without incrementing their delivery count. */
  List<String> xclaimJustId(K key, String group, String consumer, Duration minIdle, XClaimOptions options,
      String... ids);

  /** Sends {@code XAUTOCLAIM key group consumer min-idle-time start COUNT count JUSTID}. */
  AutoClaimedIds xautoclaimJustId(K key, String group, String consumer, Duration minIdle, String start,
      long count);

  /** Sends {@code XPENDING key group [IDLE min-idle-time] start end count [consumer]}. */
  List<PendingMessage> xpending(K key, String group, XPendingOptions options);

  /**
   * Sends {@code XINFO STREAM key FULL COUNT count}: every field, with up to {@code count} entries and
   * pending entries per group and consumer (0: all); {@code entries}, {@code groups} and their consumers are
   * {@code Reply} trees.
   */
  Map<String, Reply> xinfoStreamFull(K key, long count);
}
