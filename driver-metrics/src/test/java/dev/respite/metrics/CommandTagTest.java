package dev.respite.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommandTagTest {

  @Test
  void everyCommandKeepsItsName() {
    assertThat(CommandTag.every().isTagged()).isTrue();
    assertThat(CommandTag.every().valueFor("HGETALL")).isEqualTo("HGETALL");
  }

  @Test
  void limitedTagNamesChosenCommandsInAnyCaseAndGroupsTheRestAsOther() {
    CommandTag tag = CommandTag.only(List.of("get", " Set "));
    assertThat(tag.valueFor("GET")).isEqualTo("GET");
    assertThat(tag.valueFor("SET")).isEqualTo("SET");
    assertThat(tag.valueFor("HGETALL")).isEqualTo("other");
  }

  @Test
  void tagTurnedOffGivesNoValue() {
    assertThat(CommandTag.none().isTagged()).isFalse();
    assertThat(CommandTag.none().valueFor("GET")).isEmpty();
  }

  @Test
  void blankCommandNameIsRejected() {
    assertThatThrownBy(() -> CommandTag.only(List.of("GET", " ")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blank");
  }
}
