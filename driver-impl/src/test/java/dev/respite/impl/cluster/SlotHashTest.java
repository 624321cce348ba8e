package dev.respite.impl.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The slot of a key, by Redis' rules, with no server (ClusterKeySlotIntegrationTest compares with a node). */
class SlotHashTest {

  @Test
  void crc16IsTheXmodemVariant() {
    byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
    assertThat(SlotHash.crc16(check, 0, check.length)).isEqualTo(0x31C3); // the catalogued check value
  }

  @Test
  void knownKeysLandInTheSlotsRedisGivesThem() {
    assertThat(SlotHash.slot("foo")).isEqualTo(12182);
    assertThat(SlotHash.slot("bar")).isEqualTo(5061);
    assertThat(SlotHash.slot("hello")).isEqualTo(866);
    assertThat(SlotHash.slot("")).isZero();
  }

  @Test
  void onlyTheHashTagIsHashed() {
    assertThat(SlotHash.slot("{user1000}.following")).isEqualTo(SlotHash.slot("user1000"));
    assertThat(SlotHash.slot("{user1000}.followers")).isEqualTo(SlotHash.slot("user1000"));
    assertThat(SlotHash.slot("prefix{tag}suffix{other}")).isEqualTo(SlotHash.slot("tag"));
  }

  @Test
  void theTagEndsAtTheFirstClosingBraceAfterTheFirstOpeningOne() {
    assertThat(SlotHash.slot("foo{{bar}}zap")).isEqualTo(SlotHash.slot("{bar"));
    assertThat(SlotHash.slot("foo{bar}{zap}")).isEqualTo(SlotHash.slot("bar"));
    assertThat(SlotHash.slot("}{tag}")).isEqualTo(SlotHash.slot("tag"));
  }

  @Test
  void anEmptyOrUnclosedTagMeansTheWholeKey() {
    assertThat(SlotHash.slot("foo{}{bar}")).isEqualTo(crcSlot("foo{}{bar}"));
    assertThat(SlotHash.slot("foo{bar")).isEqualTo(crcSlot("foo{bar"));
    assertThat(SlotHash.slot("foo}bar{")).isEqualTo(crcSlot("foo}bar{"));
    assertThat(SlotHash.slot("{}")).isEqualTo(crcSlot("{}"));
  }

  @Test
  void binaryKeysAreHashedByteForByte() {
    byte[] key = {(byte) 0xFF, 0, '{', (byte) 0x80, '}', 7};
    assertThat(SlotHash.slot(key)).isEqualTo(SlotHash.slot(new byte[] {(byte) 0x80}));
    assertThat(SlotHash.slot("ключ")).isEqualTo(SlotHash.slot("ключ".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void textIsHashedAsItsUtf8BytesWhetherAsciiOrNot() {
    String[] keys = {"key:1", "{user1000}.following", "foo{}{bar}", "foo{{bar}}zap", "ключ", "{ключ}.x", "a{é}b",
        "x\u007F{y}", "x\u0080{y}", "emoji\uD83D\uDE00{tag}", ""};
    for (String key : keys) {
      assertThat(SlotHash.slot(key)).as(key).isEqualTo(SlotHash.slot(key.getBytes(StandardCharsets.UTF_8)));
    }
    for (int i = 0; i < 10_000; i++) {
      String key = "bench:cluster:" + i + (i % 3 == 0 ? "{t" + i % 7 + "}" : "");
      assertThat(SlotHash.slot(key)).isEqualTo(SlotHash.slot(key.getBytes(StandardCharsets.UTF_8)));
    }
  }

  @Test
  void everySlotIsInRange() {
    for (int i = 0; i < 50_000; i++) {
      assertThat(SlotHash.slot("key:" + i)).isBetween(0, SlotHash.SLOT_COUNT - 1);
    }
  }

  private static int crcSlot(String wholeKey) {
    byte[] bytes = wholeKey.getBytes(StandardCharsets.UTF_8);
    return SlotHash.crc16(bytes, 0, bytes.length) % SlotHash.SLOT_COUNT;
  }
}
