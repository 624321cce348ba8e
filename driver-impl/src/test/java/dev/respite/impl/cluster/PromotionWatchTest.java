package dev.respite.impl.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.respite.RedisConnectionException;
import dev.respite.impl.topology.NodeAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The watch of an unreachable primary's replicas, with canned ROLE answers instead of servers. */
class PromotionWatchTest {

  private final ClusterNode a = new ClusterNode(new NodeAddress("127.0.1.1", 7000), "a");
  private final ClusterNode a1 = new ClusterNode(new NodeAddress("127.0.1.2", 7001), "a1");
  private final ClusterNode a2 = new ClusterNode(new NodeAddress("127.0.1.3", 7002), "a2");
  private final ClusterNode b = new ClusterNode(new NodeAddress("127.0.1.4", 7003), "b");
  private final SlotMap before = new SlotMap.Builder()
      .assign(0, 99, new SlotOwner(a, List.of(a1, a2)))
      .assign(100, 8191, SlotOwner.primaryOnly(b))
      .assign(8192, 16383, new SlotOwner(a, List.of(a1, a2)))
      .build();
  private final AtomicReference<SlotMap> map = new AtomicReference<>(before);
  /** The role each node answers; a node missing here refuses the connection. */
  private final Map<NodeAddress, String> roles = new ConcurrentHashMap<>(Map.of(a1.address(), "slave",
      a2.address(), "slave"));
  private final Map<NodeAddress, AtomicInteger> asked = new ConcurrentHashMap<>();
  private final AtomicInteger promotions = new AtomicInteger();
  private final AtomicInteger concurrentProbes = new AtomicInteger();
  private final AtomicInteger mostConcurrentProbes = new AtomicInteger();
  private volatile long probeDelayMillis;
  private PromotionWatch watch;

  private PromotionWatch watch(Duration gap, Duration longest) {
    watch = new PromotionWatch("test", map, this::role, promotions::incrementAndGet, Duration.ofSeconds(2), gap,
        longest);
    return watch;
  }

  private String role(NodeAddress node) {
    mostConcurrentProbes.accumulateAndGet(concurrentProbes.incrementAndGet(), Math::max);
    try {
      asked.computeIfAbsent(node, n -> new AtomicInteger()).incrementAndGet();
      if (probeDelayMillis > 0) {
        sleep(probeDelayMillis);
      }
      String role = roles.get(node);
      if (role == null) {
        throw new RedisConnectionException("Connection refused: " + node, null);
      }
      return role;
    } finally {
      concurrentProbes.decrementAndGet();
    }
  }

  @AfterEach
  void close() {
    if (watch != null) {
      watch.close();
    }
  }

  @Test
  void aReplicaAnsweringMasterTakesEverySlotOfItsPrimaryAtOnce() {
    watch(Duration.ofMillis(5), Duration.ofSeconds(30)).suspect(a.address());
    awaitTrue(() -> asked(a1) >= 3);
    assertThat(map.get()).isSameAs(before);

    roles.put(a2.address(), "master");
    awaitTrue(() -> !watch.watches(a.address()));

    SlotMap after = map.get();
    for (int slot : new int[] {0, 99, 8192, 16383}) {
      assertThat(after.owner(slot)).as("slot %d", slot).isEqualTo(new SlotOwner(a2, List.of(a1)));
    }
    assertThat(after.owner(100).primary()).isEqualTo(b);
    assertThat(after.isPrimary(a.address())).isFalse();
    assertThat(promotions).hasValue(1);
    int probes = asked(a1);
    sleep(100);
    assertThat(asked(a1)).as("no probe once the watch ended").isEqualTo(probes);
  }

  @Test
  void oneWatchPerPrimaryWhateverTheNumberOfCallers() throws InterruptedException {
    watch(Duration.ofMillis(20), Duration.ofSeconds(30));
    Thread[] callers = new Thread[16];
    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(400);
    for (int i = 0; i < callers.length; i++) {
      callers[i] = new Thread(() -> {
        while (System.nanoTime() < end) {
          watch.suspect(a.address());
          sleep(1);
        }
      });
      callers[i].start();
    }
    for (Thread caller : callers) {
      caller.join();
    }

    assertThat(mostConcurrentProbes).as("probes at the same time").hasValue(1);
    // Rounds 20 to 50 ms apart for 400 ms: at most about 21, however many callers suspected the primary.
    assertThat(asked(a1)).isBetween(2, 25);
    assertThat(asked(a)).as("the primary, every tenth round").isBetween(1, 3);
    assertThat(map.get()).isSameAs(before);
  }

  @Test
  void theLastCheckAsksNowAndSeesAPromotionThatHappenedBetweenRounds() {
    watch(Duration.ofSeconds(10), Duration.ofSeconds(30)).suspect(a.address());
    awaitTrue(() -> asked(a) == 1); // the first round is over; the next is 10 s away
    assertThat(watch.replaced(a.address())).as("nothing promoted yet").isFalse();
    awaitTrue(() -> asked(a1) == 2); // the last check asked again (within 100 ms, unless the machine is busy)

    roles.put(a1.address(), "master");
    awaitTrue(() -> watch.replaced(a.address()));
    assertThat(map.get().owner(0)).isEqualTo(new SlotOwner(a1, List.of(a2)));
    assertThat(promotions).hasValue(1);
  }

  @Test
  void theLastCheckWaitsAtMostAHundredMilliseconds() {
    watch(Duration.ofSeconds(10), Duration.ofSeconds(30)).suspect(a.address());
    awaitTrue(() -> asked(a) == 1);
    probeDelayMillis = 1_000;
    roles.put(a1.address(), "master");

    long start = System.nanoTime();
    boolean replaced = watch.replaced(a.address());
    long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

    assertThat(replaced).isFalse();
    assertThat(tookMillis).isBetween(90L, 900L);
  }

  @Test
  void theLastCheckOfAPrimaryTheMapNoLongerNamesAsksNothing() {
    watch(Duration.ofMillis(20), Duration.ofSeconds(30));
    map.set(map.get().withPromoted(a.address(), a1));
    assertThat(watch.replaced(a.address())).isTrue();
    assertThat(asked).as("nothing asked").isEmpty();
  }

  @Test
  void aRefreshThatUndoesThePromotionIsUndoneAtTheNextRound() {
    roles.put(a1.address(), "master");
    watch(Duration.ofMillis(200), Duration.ofSeconds(30)).suspect(a.address());
    awaitTrue(() -> promotions.get() == 1);
    map.set(before); // a refresh that read CLUSTER SLOTS before the promotion

    awaitTrue(() -> promotions.get() == 2);
    assertThat(map.get().owner(0)).isEqualTo(new SlotOwner(a1, List.of(a2)));
    awaitTrue(() -> !watch.watches(a.address()));
  }

  @Test
  void theWatchEndsWhenARefreshMovedTheSlots() {
    watch(Duration.ofMillis(5), Duration.ofSeconds(30)).suspect(a.address());
    awaitTrue(() -> asked(a1) >= 2);
    map.set(new SlotMap.Builder().assign(0, 16383, SlotOwner.primaryOnly(b)).build());
    awaitTrue(() -> !watch.watches(a.address()));
    assertThat(promotions).hasValue(0);
  }

  @Test
  void theWatchEndsWhenThePrimaryAnswersAgain() {
    watch(Duration.ofMillis(5), Duration.ofSeconds(30)).suspect(a.address());
    awaitTrue(() -> asked(a1) >= 2);
    roles.put(a.address(), "master");
    awaitTrue(() -> !watch.watches(a.address()));
    assertThat(map.get()).isSameAs(before);
  }

  @Test
  void theWatchEndsAfterItsBoundAndASuspicionStartsAnother() {
    watch(Duration.ofMillis(5), Duration.ofMillis(100)).suspect(a.address());
    awaitTrue(() -> !watch.watches(a.address()));
    int probes = asked(a1);
    assertThat(probes).isPositive();

    watch.suspect(a.address());
    awaitTrue(() -> asked(a1) > probes);
  }

  @Test
  void aPrimaryWithoutKnownReplicasIsNotWatched() {
    watch(Duration.ofMillis(5), Duration.ofSeconds(30)).suspect(b.address());
    awaitTrue(() -> !watch.watches(b.address()));
    assertThat(asked(a1)).isZero();
  }

  private int asked(ClusterNode node) {
    AtomicInteger count = asked.get(node.address());
    return count == null ? 0 : count.get();
  }

  private static void awaitTrue(BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waited 5 s").isLessThan(deadline);
      sleep(2);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
