package dev.respite.impl.connection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConnectionStateTest {

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
