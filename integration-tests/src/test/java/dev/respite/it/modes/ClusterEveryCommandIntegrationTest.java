package dev.respite.it.modes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.respite.RedisDataSource;
import dev.respite.RedisException;
import dev.respite.RedisServerException;
import dev.respite.RedisSession;
import dev.respite.testsupport.LocalRedisCluster;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The data families' rows of the every-command table run through a cluster data source, in the three modes,
 * on the same keyspace built key by key (each key on the node of its slot). A row's keys are the table's plain
 * names, which land in different slots: so each row, in each mode, must either give the row's expected reply
 * (single-key commands routed to their node; MGET, MSET, DEL, EXISTS, TOUCH, UNLINK split and merged; keyless
 * ones sent to every primary where needed) or be refused before sending because its keys span slots. Nothing
 * else: no wrong reply, no MOVED or CROSSSLOT from a server.
 */
class ClusterEveryCommandIntegrationTest {
  private static final Pattern ARGUMENT = Pattern.compile("'([^']*)'|(-?[0-9][0-9.]*)");

  /**
   * Rows about one node's state, not routing: pub/sub rows expect another client's subscriptions, and a cluster
   * node counts only its own subscribers in PUBLISH's and PUBSUB's replies; OBJECT FREQ's row first sets
   * {@code maxmemory-policy} with CONFIG SET, which reaches one node.
   */
  private static final Set<String> ONE_NODE_ANSWERS = Set.of("publish", "spublish", "pubsubChannels",
      "pubsubNumSub", "pubsubNumPat", "pubsubShardChannels", "pubsubShardNumSub", "objectFreq");
  /**
   * Rows a cluster node itself refuses: MOVE and SORT's BY/GET patterns are not allowed in cluster mode, and the
   * command table's key specifications do not show SORT's STORE key, so the node answers CROSSSLOT (nothing ran).
   */
  private static final Set<String> REFUSED_BY_CLUSTER_SERVERS = Set.of("move(K,int)",
      "sort(K,SortOptions) BY and GET, a missing GET key", "sortStore(K,SortOptions,K)");

  private static final java.util.concurrent.atomic.AtomicInteger refusedModes = new java.util.concurrent.atomic.AtomicInteger();
  private static final java.util.concurrent.atomic.AtomicInteger answeredModes = new java.util.concurrent.atomic.AtomicInteger();

  private static LocalRedisCluster cluster;
  private static RedisDataSource dataSource;

  @BeforeAll
  static void start() {
    cluster = LocalRedisCluster.start();
    dataSource = RedisDataSource.create(cluster.seedUrl());
  }

  @AfterAll
  static void stop() {
    System.out.println("FIGURE every-command rows through the cluster: " + answeredModes + " row-modes answered as"
        + " expected, " + refusedModes + " refused before sending (keys span slots)");
    if (dataSource != null) {
      dataSource.close();
    }
    cluster.close();
  }

  @TestFactory
  Stream<DynamicTest> dataFamilyRowsAreRoutedOrRefusedBeforeSending() {
    return Stream.of(KeyRows.rows(), StringRows.rows(), HashRows.rows(), ListRows.rows(), SetRows.rows(),
            SortedSetRows.rows(), SmallFamilyRows.rows(), StreamRows.rows(), SortAndAggregateRows.rows())
        .flatMap(List::stream)
        .filter(row -> !ONE_NODE_ANSWERS.contains(CalledMethod.of(row.call).getName()))
        .filter(row -> !REFUSED_BY_CLUSTER_SERVERS.contains(name(row)))
        .map(row -> DynamicTest.dynamicTest(name(row), () -> check(row)));
  }

  private static void check(CommandRow row) {
    Map<Mode, Object> actual = new EnumMap<>(Mode.class);
    Map<Mode, Object> expected = new EnumMap<>(Mode.class);
    for (Mode mode : Mode.values()) {
      Object outcome = run(mode, row);
      actual.put(mode, outcome);
      (outcome == SpansSlots.REFUSED ? refusedModes : answeredModes).incrementAndGet();
      expected.put(mode, outcome == SpansSlots.REFUSED ? SpansSlots.REFUSED : row.expectIn(mode).expected());
    }
    assertThat(actual).as("%s: the expected reply, or refused before sending (keys span slots), per mode",
        name(row)).isEqualTo(expected);
  }

  /** A row refused before anything was sent, because its keys span slots. */
  enum SpansSlots { REFUSED }

  private static @Nullable Object run(Mode mode, CommandRow row) {
    try (RedisSession session = dataSource.openSession()) {
      prepare(session);
      try {
        row.given().accept(session);
      } catch (RedisException e) {
        if (spansSlots(e)) {
          return SpansSlots.REFUSED;
        }
        throw e;
      }
      Object reply;
      try {
        reply = row.expectIn(mode).apply(Normalised.of(mode.run(session, c -> c, row)));
      } catch (RedisServerException e) {
        reply = row.expectIn(mode).apply(new CommandRow.ServerError(e.code()));
      } catch (RedisException e) {
        return spansSlots(e) ? SpansSlots.REFUSED : "threw " + e;
      }
      if (row.probe() != null && Objects.equals(reply, row.expectIn(mode).expected())) {
        Object probed;
        try {
          probed = row.probeExpect().apply(Normalised.of(row.probe().apply(session)));
        } catch (RuntimeException e) {
          probed = "probe threw " + e;
        }
        if (!Objects.equals(probed, row.probeExpect().expected())) {
          return "probe gave " + probed;
        }
      }
      return reply;
    }
  }

  /** Refused by the driver before sending: keys across slots, or a command of every primary in a transaction. */
  private static boolean spansSlots(RuntimeException e) {
    String message = String.valueOf(e.getMessage());
    return !(e instanceof RedisServerException) && message.contains("Redis Cluster")
        && message.contains("nothing was sent");
  }

  /** Empties the cluster and builds {@link Keyspace}'s keys one command at a time, from its own script. */
  private static void prepare(RedisSession session) {
    session.execute("FLUSHALL");
    for (String line : Keyspace.SCRIPT.split("\n")) {
      if (!line.startsWith("redis.call(")) {
        continue;
      }
      List<Object> words = new ArrayList<>();
      Matcher matcher = ARGUMENT.matcher(line.substring("redis.call(".length()));
      while (matcher.find()) {
        words.add(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
      }
      session.execute((String) words.get(0), words.subList(1, words.size()).toArray());
    }
    assertThat(session.dbsize()).isEqualTo(Keyspace.SIZE);
  }

  private static String name(CommandRow row) {
    Method method = CalledMethod.of(row.call);
    return CalledMethod.signature(method) + (row.label().isEmpty() ? "" : " " + row.label());
  }
}
