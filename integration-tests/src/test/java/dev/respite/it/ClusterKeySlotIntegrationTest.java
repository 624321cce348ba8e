package dev.respite.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.respite.impl.cluster.SlotHash;
import dev.respite.testsupport.LocalRedisCluster;
import dev.respite.testsupport.RawRedisClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The driver's slot computation ({@link SlotHash}) against a live node's {@code CLUSTER KEYSLOT}: hash-tag edge
 * cases and thousands of random keys rich in braces and multi-byte characters.
 */
class ClusterKeySlotIntegrationTest {

  private static final int RANDOM_KEYS = 5_000;
  private static final String ALPHABET = "ab{}{}}{x:_-é€😀";

  private static LocalRedisCluster cluster;

  @BeforeAll
  static void startCluster() {
    cluster = LocalRedisCluster.start();
  }

  @AfterAll
  static void stopCluster() {
    cluster.close();
  }

  @Test
  void hashTagEdgeCasesLandInTheSlotTheServerComputes() {
    assertSameSlots(List.of("", "foo", "{user1000}.following", "{user1000}.followers", "foo{}{bar}", "foo{{bar}}zap",
        "foo{bar}{zap}", "{}", "{", "}", "}{", "{}{x}", "x{y", "x}y{z}", "{{}}", "{a}", "a{b}c{d}e", "ключ{тег}",
        "{😀}1", "{😀}2"));
  }

  @Test
  void randomKeysLandInTheSlotTheServerComputes() {
    Random random = new Random(20261202L);
    int[] codePoints = ALPHABET.codePoints().toArray();
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < RANDOM_KEYS; i++) {
      StringBuilder key = new StringBuilder();
      int length = random.nextInt(16);
      for (int c = 0; c < length; c++) {
        key.appendCodePoint(codePoints[random.nextInt(codePoints.length)]);
      }
      keys.add(key.toString());
    }
    assertSameSlots(keys);
  }

  private static void assertSameSlots(List<String> keys) {
    List<String> mismatches = new ArrayList<>();
    try (RawRedisClient node = new RawRedisClient(cluster.nodes().get(0).port())) {
      for (String key : keys) {
        long expected = (Long) node.call("CLUSTER", "KEYSLOT", key);
        int computed = SlotHash.slot(key);
        int computedFromBytes = SlotHash.slot(key.getBytes(StandardCharsets.UTF_8));
        if (computed != expected || computedFromBytes != expected) {
          mismatches.add("\"" + key + "\": server " + expected + ", SlotHash " + computed + "/" + computedFromBytes);
        }
      }
    }
    assertThat(mismatches).isEmpty();
  }
}
