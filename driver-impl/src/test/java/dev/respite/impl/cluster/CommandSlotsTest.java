package dev.respite.impl.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.respite.RedisException;
import dev.respite.impl.command.Command;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CommandSlotsTest {

  @Test
  void aCommandGoesToTheSlotOfItsKeysFoundByTheCommandTable() {
    assertThat(CommandSlots.slotOf(Command.raw("GET", "a"))).isEqualTo(15_495);
    assertThat(CommandSlots.slotOf(Command.raw("SET", "b", "a"))).isEqualTo(3_300); // the value is no key
    assertThat(CommandSlots.slotOf(Command.raw("MGET", "{t}a", "{t}b"))).isEqualTo(SlotHash.slot("t"));
    assertThat(CommandSlots.slotOf(Command.raw("EVAL", "return 1", 1, "a", "b"))).isEqualTo(15_495);
    assertThat(CommandSlots.slotOf(Command.raw("GET", "a".getBytes(StandardCharsets.UTF_8)))).isEqualTo(15_495);
  }

  @Test
  void keylessCommandsHaveNoSlot() {
    assertThat(CommandSlots.slotOf(Command.raw("PING"))).isEqualTo(CommandSlots.NO_KEY);
    assertThat(CommandSlots.slotOf(Command.raw("EVAL", "return 1", 0))).isEqualTo(CommandSlots.NO_KEY);
    assertThat(CommandSlots.slotOf(Command.raw("PUBLISH", "a", "b"))).isEqualTo(CommandSlots.NO_KEY);
  }

  @Test
  void keysAcrossSlotsAreRefusedNamingEveryKeyAndItsSlot() {
    assertThatThrownBy(() -> CommandSlots.slotOf(Command.raw("SUNION", "a", "b")))
        .isInstanceOf(RedisException.class)
        .hasMessageStartingWith("SUNION has keys in more than one hash slot")
        .hasMessageContaining("\"a\" (slot 15495), \"b\" (slot 3300)")
        .hasMessageContaining("nothing was sent");
  }

  @Test
  void everyKeysSlotInOrderForASplit() {
    assertThat(CommandSlots.slots(Command.raw("MSET", "a", "1", "b", "2", "a", "3")))
        .containsExactly(15_495, 3_300, 15_495);
    assertThat(MultiKeySplit.spans(new int[] {1, 1, 1})).isFalse();
    assertThat(MultiKeySplit.spans(new int[] {1, 2})).isTrue();
  }

  @Test
  void onlyAnswersThatNeedEveryPrimaryAreSentToEveryPrimary() {
    assertThat(AllPrimaries.handles(Command.raw("DBSIZE"))).isTrue();
    assertThat(AllPrimaries.handles(Command.raw("SCRIPT", "LOAD", "return 1"))).isTrue();
    assertThat(AllPrimaries.handles(Command.raw("SCRIPT", "EXISTS", "abc"))).isFalse();
    assertThat(AllPrimaries.handles(Command.raw("FUNCTION", "delete", "lib"))).isTrue();
    assertThat(AllPrimaries.handles(Command.raw("PING"))).isFalse();
  }
}
