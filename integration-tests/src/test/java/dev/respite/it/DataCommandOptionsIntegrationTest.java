package dev.respite.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.respite.command.BitField;
import dev.respite.command.BitFieldOverflow;
import dev.respite.command.BitUnit;
import dev.respite.command.GeoAddOptions;
import dev.respite.command.GeoMatch;
import dev.respite.command.GeoSearch;
import dev.respite.command.GeoUnit;
import dev.respite.command.GeoValue;
import dev.respite.command.KeyValue;
import dev.respite.command.LPosOptions;
import dev.respite.command.LcsMatch;
import dev.respite.command.LcsResult;
import dev.respite.command.SortOptions;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** SORT, LCS, BITFIELD and the rarer options of list, hash, bitmap and geo commands, against a real server. */
class DataCommandOptionsIntegrationTest extends SessionPerTest {
  @RegisterExtension
  static final RedisServerExtension redis = RedisServerExtension.create();

  @Override
  RedisServerExtension server() {
    return redis;
  }

  @Test
  void sortOrdersByPatternsAndFetchesOtherKeys() {
    s.rpush("nums", "3", "1", "2");
    assertThat(s.sort("nums", SortOptions.none())).containsExactly("1", "2", "3");
    assertThat(s.sort("nums", SortOptions.none().descending().limit(0, 2))).containsExactly("3", "2");
    s.rpush("words", "pear", "apple", "fig");
    assertThat(s.sort("words", SortOptions.none().alpha())).containsExactly("apple", "fig", "pear");
    s.mset(Map.of("weight_1", "30", "weight_2", "10", "weight_3", "20", "name_1", "one", "name_2", "two"));
    assertThat(s.sort("nums", SortOptions.none().by("weight_*").get("#").get("name_*")))
        .as("by weight, with each element and its name; name_3 does not exist")
        .containsExactly("2", "two", "3", null, "1", "one");
    assertThat(s.sortReadOnly("nums", SortOptions.none().by("weight_*").descending())).containsExactly("1", "3", "2");
    assertThat(s.sortStore("nums", SortOptions.none().descending(), "sorted")).isEqualTo(3);
    assertThat(s.lrange("sorted", 0, -1)).containsExactly("3", "2", "1");
    assertThatThrownBy(() -> SortOptions.none().limit(-1, 5)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("LIMIT");
  }

  @Test
  void lcsGivesTheSubsequenceItsLengthAndWhereItsRunsLie() {
    s.set("k1", "ohmytext");
    s.set("k2", "mynewtext");
    assertThat(s.lcs("k1", "k2")).isEqualTo("mytext");
    assertThat(s.lcsLength("k1", "k2")).isEqualTo(6);
    assertThat(s.lcsIdx("k1", "k2", 4)).isEqualTo(new LcsResult(List.of(new LcsMatch(4, 7, 5, 8, 4)), 6));
    LcsResult all = s.lcsIdx("k1", "k2", 0);
    assertThat(all.matches()).containsExactly(new LcsMatch(4, 7, 5, 8, 4), new LcsMatch(2, 3, 0, 1, 2));
    assertThat(s.lcs("k1", "missing")).isEmpty();
  }

  @Test
  void bitfieldAppliesOperationsInOrderWithOverflowControl() {
    String u8 = BitField.unsigned(8);
    assertThat(s.bitfield("bf", BitField.create().set(u8, 0, 200).get(u8, 0).incrBy(u8, 0, 100)))
        .as("SET answers the old value, INCRBY wraps by default").containsExactly(0L, 200L, 44L);
    assertThat(s.bitfield("bf", BitField.create().overflow(BitFieldOverflow.FAIL).incrBy(u8, 0, 250)))
        .containsExactly((Long) null);
    assertThat(s.bitfield("bf", BitField.create().overflow(BitFieldOverflow.SAT).incrBy(u8, 0, 250)))
        .containsExactly(255L);
    assertThat(s.bitfield("bf", BitField.create().set(BitField.signed(16), 8, -300).get(BitField.signed(16), 8)))
        .containsExactly(0L, -300L);
    assertThat(s.bitfieldReadOnly("bf", BitField.create().get(u8, 0).get(BitField.unsigned(4), 0)))
        .containsExactly(255L, 15L);
    assertThatThrownBy(() -> s.bitfieldReadOnly("bf", BitField.create().set(u8, 0, 1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BITFIELD_RO");
    assertThatThrownBy(() -> s.bitfield("bf", BitField.create())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BitField.unsigned(64)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("63");
  }

  @Test
  void bitCountAndBitPosTakeBitAndByteRanges() {
    s.setBit("b", 7, true);
    s.setBit("b", 9, true);
    assertThat(s.bitCount("b", 0, 7, BitUnit.BIT)).isEqualTo(1);
    assertThat(s.bitCount("b", 0, 9, BitUnit.BIT)).isEqualTo(2);
    assertThat(s.bitCount("b", 1, 1, BitUnit.BYTE)).isEqualTo(1);
    assertThat(s.bitPos("b", true, 1)).as("from byte 1").isEqualTo(9);
    assertThat(s.bitPos("b", true, 8, 15, BitUnit.BIT)).isEqualTo(9);
    assertThat(s.bitPos("b", false, 7, 7, BitUnit.BIT)).isEqualTo(-1);
    assertThat(s.bitPos("b", true, 0, 0, BitUnit.BYTE)).isEqualTo(7);
  }

  @Test
  void lposFindsTheNthMatchWithinALength() {
    s.rpush("l", "a", "b", "c", "a", "b", "c", "a");
    assertThat(s.lpos("l", "a", LPosOptions.rank(2))).isEqualTo(3);
    assertThat(s.lpos("l", "a", LPosOptions.rank(-1))).isEqualTo(6);
    assertThat(s.lpos("l", "c", LPosOptions.rank(1).maxLen(2))).as("c is beyond the first 2").isNull();
    assertThat(s.lpos("l", "a", 0, LPosOptions.rank(-1))).containsExactly(6L, 3L, 0L);
    assertThat(s.lpos("l", "a", 5, LPosOptions.none().maxLen(4))).containsExactly(0L, 3L);
    assertThatThrownBy(() -> LPosOptions.rank(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("RANK");
  }

  @Test
  void hrandFieldWithValuesPairsEachFieldWithItsValue() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("f1", "v1");
    fields.put("f2", "v2");
    s.hset("h", fields);
    assertThat(s.hrandFieldWithValues("h", 5)).containsExactlyInAnyOrder(new KeyValue<>("f1", "v1"),
        new KeyValue<>("f2", "v2"));
    List<KeyValue<String, String>> repeated = s.hrandFieldWithValues("h", -4);
    assertThat(repeated).hasSize(4).allMatch(kv -> fields.get(kv.key()).equals(kv.value()));
    assertThat(s.hrandFieldWithValues("missing", 3)).isEmpty();
  }

  @Test
  void geoaddTakesManyMembersAndConditions() {
    assertThat(s.geoadd("cities", GeoAddOptions.none(), List.of(GeoValue.of(2.3522, 48.8566, "paris"),
        GeoValue.of(-0.1276, 51.5072, "london"), GeoValue.of(13.4050, 52.5200, "berlin")))).isEqualTo(3);
    assertThat(s.geoadd("cities", GeoAddOptions.nx(), List.of(GeoValue.of(0, 0, "paris"), GeoValue.of(4.9, 52.37,
        "amsterdam")))).as("NX adds amsterdam, leaves paris").isEqualTo(1);
    assertThat(s.geopos("cities", "paris").get(0).longitude()).isCloseTo(2.3522, within(0.001));
    assertThat(s.geoadd("cities", GeoAddOptions.xx().ch(), List.of(GeoValue.of(2.35, 48.85, "paris"),
        GeoValue.of(1, 1, "rome")))).as("XX moves paris only; CH counts it").isEqualTo(1);
    assertThat(s.geopos("cities", "rome").get(0)).isNull();
    assertThatThrownBy(() -> s.geoadd("cities", GeoAddOptions.none(), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void geosearchWithDetailsGivesDistanceAndPosition() {
    s.geoadd("cities", GeoAddOptions.none(), List.of(GeoValue.of(2.3522, 48.8566, "paris"),
        GeoValue.of(-0.1276, 51.5072, "london"), GeoValue.of(13.4050, 52.5200, "berlin")));
    List<GeoMatch<String>> near = s.geosearchWithDetails("cities",
        GeoSearch.<String>fromMember("paris").byRadius(500, GeoUnit.KM).ascending());
    assertThat(near).extracting(GeoMatch::value).containsExactly("paris", "london");
    assertThat(near.get(0).distance()).isCloseTo(0, within(0.01));
    assertThat(near.get(1).distance()).isCloseTo(343.5, within(5.0));
    assertThat(near.get(1).coordinates().latitude()).isCloseTo(51.5072, within(0.001));
    assertThat(s.geosearch("cities", GeoSearch.<String>fromLonLat(5, 50).byRadius(2000, GeoUnit.KM).count(1).any()))
        .as("ANY: the first match found").hasSize(1);
    assertThat(s.geosearchStore("two", "cities",
        GeoSearch.<String>fromMember("paris").byRadius(2000, GeoUnit.KM).count(2).any())).isEqualTo(2);
    assertThatThrownBy(() -> GeoSearch.fromMember("paris").any()).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("COUNT");
  }

  @Test
  void optionObjectsRejectBadInput() {
    assertThatThrownBy(() -> BitField.create().get("u8x", 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BitField.create().get(BitField.unsigned(8), -1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("offset");
    assertThatThrownBy(() -> SortOptions.none().get("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LPosOptions.none().maxLen(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThat(Arrays.asList(BitField.create().incrBy(BitField.signed(5), 100, -1).arguments().toArray()))
        .containsExactly("INCRBY", "i5", "100", "-1");
  }
}
