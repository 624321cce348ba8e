package dev.respite.impl.connection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.respite.impl.command.Command;
import dev.respite.impl.command.Commands;
import dev.respite.impl.protocol.Replies;
import org.junit.jupiter.api.Test;

class ConnectionStateTest {

  @Test
  void typedAndRawCommandsAreTrackedByTheirEffect() {
    ConnectionState state = new ConnectionState(0);
    assertThat(state.track(Commands.select(3), "OK", true)).isEqualTo(3);
    assertThat(state.database()).isEqualTo(3);
    assertThat(state.track(Command.raw("SELECT", "5"), Replies.ofStatus("OK"), true)).isEqualTo(5);
    assertThat(state.track(Command.raw("SELECT", "6"), null, false)).as("refused").isEqualTo(-1);
    assertThat(state.database()).isEqualTo(5);
    state.track(Command.raw("WATCH", "k"), Replies.ofStatus("OK"), true);
    assertThat(state.watching()).isTrue();
    state.track(Commands.MULTI, "OK", true);
    assertThat(state.track(Command.raw("SELECT", 1), Replies.ofStatus("QUEUED"), true)).isEqualTo(-1);
    assertThat(state.track(Commands.EXEC, Replies.ofNull(), true)).as("aborted: the SELECT never ran").isEqualTo(-1);
    assertThat(state.database()).isEqualTo(5);
    assertThat(state.inMulti()).isFalse();
    assertThat(state.watching()).isFalse();
    assertThat(state.track(Command.raw("GET", "k"), null, true)).isEqualTo(-1);
  }

  @Test
  void selectQueuedInMultiMakesTheDatabaseUnknownAfterExec() {
    ConnectionState state = new ConnectionState(0);
    state.multiStarted();
    state.selected(4, true);
    assertThat(state.database()).isZero();
    assertThat(state.transactionEnded(true)).isEqualTo(4);
    assertThat(state.database()).isEqualTo(ConnectionState.UNKNOWN_DATABASE);
    assertThat(state.inMulti()).isFalse();
  }

  @Test
  void discardedSelectLeavesTheDatabase() {
    ConnectionState state = new ConnectionState(2);
    state.multiStarted();
    state.selected(4, true);
    assertThat(state.transactionEnded(false)).isEqualTo(ConnectionState.UNKNOWN_DATABASE);
    assertThat(state.database()).isEqualTo(2);
  }

  @Test
  void transactionEndForgetsWatchedKeys() {
    ConnectionState state = new ConnectionState(0);
    state.watched();
    state.multiStarted();
    state.transactionEnded(true);
    assertThat(state.watching()).isFalse();
    state.watched();
    state.unwatched();
    assertThat(state.watching()).isFalse();
  }
}
