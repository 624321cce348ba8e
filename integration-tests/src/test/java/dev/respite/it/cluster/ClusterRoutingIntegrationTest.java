package dev.respite.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.respite.RedisConnectionException;
import dev.respite.RedisDataSource;
import dev.respite.RedisException;
import dev.respite.RedisServerException;
import dev.respite.RedisSession;
import dev.respite.command.Pipeline;
import dev.respite.command.Response;
import dev.respite.command.ScanOptions;
import dev.respite.metrics.RespiteMetrics;
import dev.respite.pubsub.RedisSubscriber;
import dev.respite.spi.RedisListener;
import dev.respite.testsupport.LocalRedisCluster;
import dev.respite.testsupport.LocalRedisServer;
import dev.respite.testsupport.RawRedisClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A cluster data source on a settled 6-node cluster: each command reaches the node of its keys, keyless
 * commands reach one or every primary as their answer needs, multi-key commands spanning slots are split and
 * merged, the rest of what spans slots fails before anything is sent, and pipelines and transactions keep
 * their replies in order. What each node holds is checked on the node itself, not through the driver.
 */
class ClusterRoutingIntegrationTest {
  private static final int KEYS = 200;

  private static LocalRedisCluster cluster;
  private static RedisDataSource dataSource;
  private static final AtomicLong moved = new AtomicLong();
  private static final AtomicLong asked = new AtomicLong();

  @BeforeAll
  static void start() {
    cluster = LocalRedisCluster.start();
    dataSource = RedisDataSource.create(cluster.seedUrl());
    dataSource.addListener(new RedisListener() {
      @Override
      public void clusterRedirected(String kind) {
        (kind.equals("moved") ? moved : asked).incrementAndGet();
      }
    });
  }

  @AfterAll
  static void stop() {
    if (dataSource != null) {
      dataSource.close();
    }
    cluster.close();
  }

  @BeforeEach
  void flush() {
    try (RedisSession session = dataSource.openSession()) {
      session.execute("FLUSHALL");
    }
  }

  @Test
  void everyKeyIsWrittenOnTheNodeThatOwnsItsSlot() {
    try (RedisSession session = dataSource.openSession()) {
      for (int i = 0; i < KEYS; i++) {
        session.set("key:" + i, "v" + i);
      }
      for (int i = 0; i < KEYS; i++) {
        assertThat(session.get("key:" + i)).isEqualTo("v" + i);
      }
      assertThat(session.dbsize()).isEqualTo(KEYS);
    }
    long onNodes = 0;
    for (LocalRedisServer primary : cluster.primaries()) {
      try (RawRedisClient raw = new RawRedisClient(primary.port())) {
        long size = (Long) raw.call("DBSIZE");
        assertThat(size).as("keys on %s", primary).isPositive();
        onNodes += size;
      }
    }
    assertThat(onNodes).isEqualTo(KEYS);
    assertThat(dataSource.poolStats().active()).isZero();
  }

  @Test
  void multiKeyCommandsAcrossSlotsAreSplitAndMergedInKeyOrder() {
    try (RedisSession session = dataSource.openSession()) {
      Map<String, String> values = new LinkedHashMap<>();
      IntStream.range(0, 50).forEach(i -> values.put("m" + i, "v" + i));
      session.mset(values);
      List<String> keys = new ArrayList<>(values.keySet());
      keys.add(3, "missing");
      keys.add("m7"); // a key twice
      List<String> expected = keys.stream().map(values::get).collect(Collectors.toList());
      assertThat(session.mget(keys.toArray(new String[0]))).isEqualTo(expected);
      assertThat(session.execute("EXISTS", "m1", "m2", "m1", "nope").asLong()).isEqualTo(3);
      assertThat(session.touch("m1", "m2", "m3", "nope")).isEqualTo(3);
      assertThat(session.unlink("m1", "m2")).isEqualTo(2);
      assertThat(session.del(keys.toArray(new String[0]))).isEqualTo(48);
      assertThat(session.dbsize()).isZero();
    }
  }

  @Test
  void otherCommandsAcrossSlotsFailBeforeSendingNamingKeysAndSlots() {
    try (RedisSession session = dataSource.openSession()) {
      session.sadd("a", "1");
      assertThatThrownBy(() -> session.sunion("a", "b"))
          .isInstanceOf(RedisException.class)
          .hasMessageContaining("\"a\" (slot 15495)").hasMessageContaining("\"b\" (slot 3300)");
      assertThatThrownBy(() -> session.execute("EVAL", "return 1", 2, "a", "b"))
          .hasMessageContaining("slot 15495").hasMessageContaining("slot 3300");
      assertThatThrownBy(() -> session.transaction(tx -> {
        tx.queueVoid(c -> c.set("a", "1"));
        tx.queueVoid(c -> c.set("b", "2"));
      })).hasMessageContaining("The transaction has keys in more than one hash slot");
      assertThat(session.exists("b")).isFalse();
      assertThat(session.sunion("{t}a", "{t}b")).isEmpty();
    }
  }

  @Test
  void keylessCommandsReachOneOrEveryPrimary() {
    try (RedisSession session = dataSource.openSession()) {
      for (int i = 0; i < 30; i++) {
        session.set("k" + i, "v");
      }
      assertThat(session.dbsize()).isEqualTo(30);
      assertThat(new HashSet<>(session.keys("k*"))).hasSize(30);
      assertThat(session.randomKey()).startsWith("k");
      Set<String> scanned = session.scan(ScanOptions.none().count(5)).collect(Collectors.toSet());
      assertThat(scanned).hasSize(30);
      assertThat(session.binary().scan(ScanOptions.none()).count()).isEqualTo(30);
      String sha = session.scriptLoad("return 7");
      for (LocalRedisServer primary : cluster.primaries()) {
        try (RawRedisClient raw = new RawRedisClient(primary.port())) {
          assertThat(raw.call("SCRIPT", "EXISTS", sha)).isEqualTo(List.of(1L));
        }
      }
      assertThat(session.evalSha(sha, List.of(), List.of()).asLong()).isEqualTo(7);
      assertThat(session.ping()).isEqualTo("PONG");
      session.execute("FLUSHALL");
      assertThat(session.dbsize()).isZero();
      assertThat(session.randomKey()).isNull();
    }
  }

  @Test
  void pipelinesAnswerInQueuedOrderAcrossNodes() {
    try (RedisSession session = dataSource.openSession()) {
      List<Response<Long>> increments = new ArrayList<>();
      Response<List<String>> mget;
      Response<String> missing;
      try (Pipeline<String, String> pipeline = session.pipeline()) {
        for (int n = 0; n < 100; n++) {
          String i = Integer.toString(n);
          increments.add(pipeline.queue(c -> c.incr("counter:" + i)));
          increments.add(pipeline.queue(c -> c.incr("counter:" + i)));
        }
        mget = pipeline.queue(c -> c.mget("counter:1", "counter:2", "counter:99"));
        missing = pipeline.queue(c -> c.get("missing"));
      }
      for (int i = 0; i < 200; i++) {
        assertThat(increments.get(i).get()).isEqualTo(i % 2 + 1);
      }
      assertThat(mget.get()).containsExactly("2", "2", "2");
      assertThat(missing.get()).isNull();
    }
  }

  @Test
  void transactionsRunOnTheNodeOfTheirSlotAndWatchPinsThere() {
    try (RedisSession session = dataSource.openSession()) {
      assertThat(session.transaction(tx -> {
        tx.queueVoid(c -> c.set("{user1}.name", "ann"));
        tx.queue(c -> c.incr("{user1}.visits"));
        tx.queue(c -> c.incr("{user1}.visits"));
      })).isTrue();
      assertThat(session.get("{user1}.visits")).isEqualTo("2");
      String result = session.optimistic(3, List.of("{user1}.visits"), tx -> {
        tx.queue(c -> c.incr("{user1}.visits"));
        return "done";
      });
      assertThat(result).isEqualTo("done");
      assertThat(session.get("{user1}.visits")).isEqualTo("3");
      session.watch("{user1}.name");
      assertThatThrownBy(() -> session.transaction(tx -> tx.queueVoid(c -> c.set("{other}", "x"))))
          .hasMessageContaining("WATCH");
    }
  }

  @Test
  void pipelinesAndTransactionsFollowASlotThatMovedAndOneBeingMigrated() throws InterruptedException {
    String moving = "{moving}";
    int slot = ClusterKeys.slot(moving);
    try (RedisSession session = dataSource.openSession()) {
      session.set(moving + "a", "1");
      session.set(moving + "b", "2");
      LocalRedisServer from = cluster.ownerOf(slot);
      LocalRedisServer to = otherPrimary(from);
      moveSlot(slot, from, to, moving + "a", moving + "b"); // the data source's map is stale now: MOVED
      long movedBefore = moved.get();
      Response<String> a;
      Response<Long> b;
      Response<String> elsewhere;
      try (Pipeline<String, String> pipeline = session.pipeline()) {
        a = pipeline.queue(c -> c.get(moving + "a"));
        b = pipeline.queue(c -> c.incr(moving + "b"));
        elsewhere = pipeline.queue(c -> c.get("missing"));
      }
      assertThat(a.get()).isEqualTo("1");
      assertThat(b.get()).isEqualTo(3);
      assertThat(elsewhere.get()).isNull();
      assertThat(moved.get()).as("MOVED followed in the pipeline").isGreaterThan(movedBefore);

      Thread.sleep(700); // the refresh that MOVED scheduled (within 550 ms) is done: the next move leaves the map stale
      moveSlot(slot, to, from, moving + "a", moving + "b");
      long movedBeforeTransaction = moved.get();
      assertThat(session.transaction(tx -> {
        tx.queue(c -> c.incr(moving + "b"));
        tx.queueVoid(c -> c.set(moving + "a", "x"));
      })).isTrue();
      assertThat(session.mget(moving + "a", moving + "b")).containsExactly("x", "4");
      assertThat(moved.get()).as("MOVED followed by the transaction").isGreaterThan(movedBeforeTransaction);
      long askedBefore = asked.get();

      cluster.beginSlotMigration(slot, from, to);
      cluster.migrateKeys(from, to, moving + "a"); // ASK for a, b still on the source
      Response<String> migrated;
      Response<String> stayed;
      try (Pipeline<String, String> pipeline = session.pipeline()) {
        migrated = pipeline.queue(c -> c.get(moving + "a"));
        stayed = pipeline.queue(c -> c.get(moving + "b"));
      }
      assertThat(migrated.get()).isEqualTo("x");
      assertThat(stayed.get()).isEqualTo("4");
      assertThat(asked.get()).as("ASK followed in the pipeline").isGreaterThan(askedBefore);
      long askedBeforeTransaction = asked.get();
      Response<?>[] inTransaction = new Response<?>[1];
      assertThat(session.transaction(tx -> inTransaction[0] = tx.queue(c -> c.get(moving + "a")))).isTrue();
      assertThat(inTransaction[0].get()).isEqualTo("x");
      assertThat(asked.get()).as("ASK followed by the transaction").isGreaterThan(askedBeforeTransaction);
      cluster.migrateKeys(from, to, moving + "b");
      cluster.finishSlotMigration(slot, from, to);
      assertThat(session.get(moving + "b")).isEqualTo("4");
    }
  }

  private static LocalRedisServer otherPrimary(LocalRedisServer node) {
    return cluster.primaries().stream().filter(p -> !p.equals(node)).findFirst().orElseThrow();
  }

  private static void moveSlot(int slot, LocalRedisServer from, LocalRedisServer to, String... keys) {
    cluster.beginSlotMigration(slot, from, to);
    cluster.migrateKeys(from, to, keys);
    cluster.finishSlotMigration(slot, from, to);
  }

  @Test
  void withNoSeedAnsweringCommandsFailAfterSocketTimeoutSayingWhy() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    try (RedisDataSource lost = RedisDataSource.create("redis-cluster://127.0.0.1:" + port
        + "?socketTimeout=300ms&connectTimeout=200ms"); RedisSession session = lost.openSession()) {
      long start = System.nanoTime();
      assertThatThrownBy(() -> session.get("a")).isInstanceOf(RedisConnectionException.class)
          .hasMessageContaining("No node of the Redis Cluster has answered CLUSTER SLOTS yet")
          .hasMessageContaining("127.0.0.1:" + port);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(250), Duration.ofSeconds(2));
    }
  }

  @Test
  void shardChannelsAreSubscribedOnTheNodeOfTheirSlotAndChannelsOnAnyNode() throws InterruptedException {
    BlockingQueue<String> received = new LinkedBlockingQueue<>();
    List<String> shardChannels = List.of("orders", "payments", "alerts", "a", "b");
    Set<LocalRedisServer> owners = new HashSet<>();
    shardChannels.forEach(channel -> owners.add(cluster.ownerOf(ClusterKeys.slot(channel))));
    assertThat(owners).as("the shard channels' slots are on more than one node").hasSizeGreaterThan(1);
    try (RedisSubscriber subscriber = dataSource.openSubscriber(m -> received.add(m.channel() + "=" + m.payload()));
        RedisSession session = dataSource.openSession()) {
      subscriber.ssubscribe(shardChannels.toArray(new String[0]));
      subscriber.subscribe("broadcast");
      assertThat(subscriber.shardChannels()).containsExactlyInAnyOrderElementsOf(shardChannels);
      for (String channel : shardChannels) {
        assertThat(session.spublish(channel, "s")).as("receivers of %s", channel).isEqualTo(1);
      }
      session.publish("broadcast", "p");
      Set<String> messages = new HashSet<>();
      while (messages.size() < shardChannels.size() + 1) {
        String message = received.poll(5, TimeUnit.SECONDS);
        assertThat(message).as("messages so far: %s", messages).isNotNull();
        messages.add(message);
      }
      assertThat(messages).contains("broadcast=p", "orders=s", "b=s");
      subscriber.sunsubscribe("orders");
      assertThat(session.spublish("orders", "late")).isZero();
    }
  }

  @Test
  void theSlotMapIsRefreshedEveryClusterRefreshPeriod() throws InterruptedException {
    AtomicLong periodic = new AtomicLong();
    AtomicLong nodes = new AtomicLong();
    try (RedisDataSource refreshing = RedisDataSource.create(cluster.seedUrl() + "?clusterRefreshPeriod=100ms")) {
      refreshing.addListener(new RedisListener() {
        @Override
        public void topologyRefreshed(String cause) {
          if (cause.equals("periodic")) {
            periodic.incrementAndGet();
          }
        }

        @Override
        public void clusterNodesKnown(int known) {
          nodes.set(known);
        }
      });
      Thread.sleep(700);
      assertThat(periodic.get()).isBetween(3L, 8L);
      assertThat(nodes.get()).isEqualTo(6);
    }
  }

  @Test
  void onlyDatabaseZeroExists() {
    assertThatThrownBy(() -> dataSource.openSession(1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("only database 0");
    try (RedisSession session = dataSource.openSession()) {
      assertThatThrownBy(() -> session.select(2)).hasMessageContaining("only database 0");
      session.select(0);
      assertThat(session.database()).isZero();
    }
  }

  @Test
  void eachNodePoolHasItsOwnPoolGaugesTaggedWithItsNode() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (RedisDataSource metered = RedisDataSource.create(cluster.seedUrl() + "?readFrom=replica&poolName=metered")) {
      RespiteMetrics.bind(metered, registry);
      try (RedisSession session = metered.openSession()) {
        for (int i = 0; i < 100; i++) {
          session.set("gauge:" + i, "v");
        }
        session.execute("WAIT", 1, 1000);
        for (LocalRedisServer primary : cluster.primaries()) { // the session holds one connection per node
          assertThat(poolGauge(registry, "metered@" + primary.host() + ":" + primary.port(), "used")).isEqualTo(1);
        }
      }
      try (RedisSession reader = metered.openReadOnlySession()) {
        for (int i = 0; i < 100; i++) {
          assertThat(reader.get("gauge:" + i)).isEqualTo("v");
        }
      }
      Set<String> expected = new HashSet<>();
      cluster.primaries().forEach(p -> expected.add("metered@" + p.host() + ":" + p.port()));
      cluster.replicas().forEach(r -> expected.add("metered-readonly@" + r.host() + ":" + r.port()));
      Map<String, String> ports = registry.find("db.client.connection.max").gauges().stream().collect(
          Collectors.toMap(g -> g.getId().getTag("pool.name"), g -> g.getId().getTag("server.port")));
      assertThat(ports.keySet()).containsAll(expected) // and the seeds' pools that read CLUSTER SLOTS
          .allMatch(name -> name.startsWith("metered@") || name.startsWith("metered-readonly@"));
      ports.forEach((pool, port) -> assertThat(pool).endsWith(":" + port));
      for (String pool : expected) {
        assertThat(poolGauge(registry, pool, "used")).as(pool).isZero();
        assertThat(poolGauge(registry, pool, "idle")).as(pool).isGreaterThanOrEqualTo(1);
      }
    }
    assertThat(registry.getMeters()).as("removed with the data source").isEmpty();
  }

  private static double poolGauge(SimpleMeterRegistry registry, String pool, String state) {
    return registry.get("db.client.connection.count").tags("pool.name", pool, "state", state).gauge().value();
  }

  @Test
  void readOnlySessionsReadFromReplicasAndRefuseWrites() {
    try (RedisDataSource replicas = RedisDataSource.create(cluster.seedUrl() + "?readFrom=replica")) {
      try (RedisSession session = dataSource.openSession()) {
        session.set("r", "1");
        session.execute("WAIT", 1, 1000);
      }
      try (RedisSession reader = replicas.openReadOnlySession()) {
        assertThat(reader.get("r")).isEqualTo("1");
        assertThat(reader.ping()).isEqualTo("PONG");
        assertThatThrownBy(() -> reader.set("r", "2")).isInstanceOf(RedisServerException.class)
            .hasMessageContaining("READONLY");
        assertThatThrownBy(() -> reader.execute("EVAL", "return redis.call('SET', KEYS[1], '3')", 1, "r"))
            .isInstanceOf(RedisServerException.class).hasMessageContaining("READONLY");
      }
      LocalRedisServer replica = cluster.replicaOf(cluster.ownerOf(clusterSlot("r")));
      try (RawRedisClient raw = new RawRedisClient(replica.port())) {
        assertThat((String) raw.call("INFO", "commandstats")).as("the replica served the GET")
            .contains("cmdstat_get:calls=1,");
      }
    }
  }

  private static int clusterSlot(String key) {
    try (RawRedisClient raw = new RawRedisClient(cluster.primaries().get(0).port())) {
      return ((Long) raw.call("CLUSTER", "KEYSLOT", key)).intValue();
    }
  }
}
