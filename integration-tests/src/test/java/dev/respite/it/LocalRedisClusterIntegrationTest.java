package dev.respite.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.respite.testsupport.ClusterNodeView;
import dev.respite.testsupport.LocalRedisCluster;
import dev.respite.testsupport.LocalRedisServer;
import dev.respite.testsupport.RawRedisClient;
import dev.respite.testsupport.RawRedisClient.ErrorReply;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The cluster fixture the cluster data source's tests build on: what it starts is what the nodes report
 * ({@code CLUSTER INFO}, {@code CLUSTER SLOTS}, {@code ROLE}), and its reshards, failovers, kills, half-migrated
 * and uncovered slots are what the nodes then answer. One cluster for the class (started once, about 4 s, with
 * {@code cluster-require-full-coverage no} for the last test); the tests run in order, each leaving it settled.
 * How long each step took is printed, for the README's figures.
 */
@TestMethodOrder(OrderAnnotation.class)
class LocalRedisClusterIntegrationTest {

  /** The slot of hash tag {@code {t}}; the first test checks it against the server. */
  private static final int SLOT_OF_TAG = 15_891;

  private static LocalRedisCluster cluster;

  @BeforeAll
  static void startCluster() {
    long start = System.nanoTime();
    cluster = LocalRedisCluster.start("--cluster-require-full-coverage", "no");
    report("start (6 nodes, redis-cli --cluster create, settled)", start);
  }

  @AfterAll
  static void stopCluster() {
    List<LocalRedisServer> nodes = cluster.nodes();
    cluster.close();
    assertThat(nodes).noneMatch(LocalRedisServer::isRunning);
  }

  @Test
  @Order(1)
  void startsThreePrimariesWithOneReplicaEachCoveringEverySlot() {
    assertThat(cluster.primaries()).hasSize(3);
    assertThat(cluster.replicas()).hasSize(3);
    for (LocalRedisServer node : cluster.nodes()) {
      String info = (String) call(node, "CLUSTER", "INFO");
      assertThat(info).contains("cluster_state:ok", "cluster_slots_assigned:16384", "cluster_known_nodes:6",
          "cluster_size:3");
      assertThat(call(node, "CONFIG", "GET", "bind")).isEqualTo(List.of("bind", "127.0.0.1"));
      List<?> slots = (List<?>) call(node, "CLUSTER", "SLOTS");
      assertThat(slots).hasSize(3).allSatisfy(range -> assertThat((List<?>) range).hasSize(4)); // primary + replica
      assertThat(slots.stream().mapToLong(r -> (Long) ((List<?>) r).get(1) - (Long) ((List<?>) r).get(0) + 1).sum())
          .isEqualTo(LocalRedisCluster.SLOTS);
    }
    for (LocalRedisServer primary : cluster.primaries()) {
      LocalRedisServer replica = cluster.replicaOf(primary);
      assertThat(role(replica)).containsSubsequence("slave", (long) primary.port(), "connected");
    }
    assertThat(cluster.topology()).extracting(ClusterNodeView::slotCount).containsOnly(0, 5461, 5462);
    assertThat(cluster.seedUrl()).startsWith("redis-cluster://127.0.0.1:").contains(",");
  }

  @Test
  @Order(2)
  void aReshardMovesSlotsWithTheirKeys() {
    LocalRedisServer from = cluster.ownerOf(0);
    LocalRedisServer to = cluster.primaries().stream().filter(p -> p != from).findFirst().orElseThrow();
    int firstSlot = cluster.topology().stream().filter(v -> v.port() == from.port()).findFirst().orElseThrow()
        .slots().get(0).first();
    // redis-cli moves a source's lowest slots first
    String key = keyInSlots(from, firstSlot, firstSlot + 99);
    int keySlot = ((Long) call(from, "CLUSTER", "KEYSLOT", key)).intValue();
    assertThat(call(from, "SET", key, "moved with its slot")).isEqualTo("OK");

    long start = System.nanoTime();
    cluster.reshard(from, to, 100);
    report("reshard of 100 slots (redis-cli --cluster reshard, settled)", start);

    assertThat(cluster.ownerOf(firstSlot)).isSameAs(to);
    assertThat(cluster.ownerOf(firstSlot + 99)).isSameAs(to);
    assertThat(call(to, "GET", key)).isEqualTo("moved with its slot");
    assertThat(call(from, "GET", key)).isInstanceOfSatisfying(ErrorReply.class,
        e -> assertThat(e.message()).isEqualTo("MOVED " + keySlot + " 127.0.0.1:" + to.port()));
  }

  @Test
  @Order(3)
  void aGracefulFailoverSwapsAPrimaryAndItsReplica() {
    LocalRedisServer primary = cluster.primaries().get(0);
    LocalRedisServer replica = cluster.replicaOf(primary);
    long start = System.nanoTime();
    cluster.failover(replica);
    report("graceful CLUSTER FAILOVER (settled)", start);

    assertThat(cluster.primaries()).contains(replica).doesNotContain(primary);
    assertThat(role(primary)).containsSubsequence("slave", (long) replica.port());
  }

  @Test
  @Order(4)
  void aKilledPrimaryIsReplacedByItsReplicaAndRejoinsAsItsReplica() {
    LocalRedisServer primary = cluster.primaries().get(1);
    int slot = cluster.topology().stream().filter(v -> v.port() == primary.port()).findFirst().orElseThrow()
        .slots().get(0).first();
    long start = System.nanoTime();
    LocalRedisServer replica = cluster.killPrimary(primary);
    cluster.awaitStable();
    report("kill -9 of a primary until its replica serves its slots (settled)", start);
    assertThat(primary.isRunning()).isFalse();
    assertThat(cluster.ownerOf(slot)).isSameAs(replica);

    long restart = System.nanoTime();
    primary.start();
    cluster.awaitStable();
    report("restart of the killed primary until it is a linked replica", restart);
    assertThat(role(primary)).containsSubsequence("slave", (long) replica.port(), "connected");
  }

  @Test
  @Order(5)
  void aHalfMigratedSlotAnswersAskAndTryAgainUntilTheMigrationEnds() {
    LocalRedisServer from = cluster.ownerOf(SLOT_OF_TAG);
    LocalRedisServer to = cluster.primaries().stream().filter(p -> p != from).findFirst().orElseThrow();
    assertThat(call(from, "MSET", "{t}a", "1", "{t}b", "2")).isEqualTo("OK");

    cluster.beginSlotMigration(SLOT_OF_TAG, from, to);
    cluster.migrateKeys(from, to, "{t}a");

    assertThat(call(from, "GET", "{t}b")).isEqualTo("2");
    assertThat(call(from, "GET", "{t}a")).isInstanceOfSatisfying(ErrorReply.class,
        e -> assertThat(e.message()).isEqualTo("ASK " + SLOT_OF_TAG + " 127.0.0.1:" + to.port()));
    assertThat(call(from, "MGET", "{t}a", "{t}b")).isInstanceOfSatisfying(ErrorReply.class,
        e -> assertThat(e.code()).isEqualTo("TRYAGAIN"));

    cluster.migrateKeys(from, to, "{t}b");
    cluster.finishSlotMigration(SLOT_OF_TAG, from, to);
    assertThat(cluster.ownerOf(SLOT_OF_TAG)).isSameAs(to);
    assertThat(call(to, "MGET", "{t}a", "{t}b")).isEqualTo(List.of("1", "2"));
  }

  @Test
  @Order(6)
  void uncoveredSlotsFailWhileTheOthersKeepWorking() {
    LocalRedisServer owner = cluster.ownerOf(SLOT_OF_TAG);
    cluster.uncoverSlots(SLOT_OF_TAG, SLOT_OF_TAG + 9);

    for (LocalRedisServer node : cluster.nodes()) {
      assertThat((String) call(node, "CLUSTER", "INFO")).contains("cluster_state:ok", "cluster_slots_assigned:16374");
    }
    assertThat(call(owner, "GET", "{t}a")).isInstanceOfSatisfying(ErrorReply.class,
        e -> assertThat(e.code()).isEqualTo("CLUSTERDOWN"));
    String servedKey = keyInSlots(owner, SLOT_OF_TAG + 10, LocalRedisCluster.SLOTS - 1);
    int servedSlot = ((Long) call(owner, "CLUSTER", "KEYSLOT", servedKey)).intValue();
    assertThat(call(cluster.ownerOf(servedSlot), "SET", servedKey, "v")).isEqualTo("OK");
  }

  @Test
  @Order(0)
  void theTagUsedHereHasTheSlotAssumed() {
    assertThat(call(cluster.nodes().get(0), "CLUSTER", "KEYSLOT", "{t}a")).isEqualTo((long) SLOT_OF_TAG);
  }

  /** A key whose slot is in {@code first..last}, as the node computes it ({@code CLUSTER KEYSLOT}). */
  private static String keyInSlots(LocalRedisServer node, int first, int last) {
    for (int i = 0; ; i++) {
      String candidate = "k" + i;
      long slot = (Long) call(node, "CLUSTER", "KEYSLOT", candidate);
      if (slot >= first && slot <= last) {
        return candidate;
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Object> role(LocalRedisServer server) {
    return (List<Object>) call(server, "ROLE");
  }

  private static Object call(LocalRedisServer server, String... command) {
    try (RawRedisClient client = new RawRedisClient(server.port())) {
      return client.call(command);
    }
  }

  private static void report(String step, long startNanos) {
    System.out.printf("LocalRedisCluster %s: %d ms%n", step, (System.nanoTime() - startNanos) / 1_000_000);
  }
}
