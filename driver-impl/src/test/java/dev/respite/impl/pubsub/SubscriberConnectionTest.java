package dev.respite.impl.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.respite.impl.connection.CannedPeer;
import dev.respite.pubsub.MessageKind;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Telling a {@code sunsubscribe} the subscriber asked for from one the server sent itself (a cluster node whose
 * slot moved away), on a {@link CannedPeer} that answers nothing: only what was written counts.
 */
class SubscriberConnectionTest {
  private static final MessageKind SHARD = MessageKind.SHARD_CHANNEL;

  private CannedPeer peer;
  private SubscriberConnection link;

  @BeforeEach
  void connect() throws IOException {
    peer = CannedPeer.open(b -> b);
    link = new SubscriberConnection("test", peer.connection());
    link.change(SHARD, true, new String[] {"a", "b", "c"});
  }

  @AfterEach
  void close() throws IOException {
    link.close();
    peer.close();
  }

  @Test
  void anUnsubscribeNobodyAskedForIsTheServersAndForgetsTheChannel() {
    assertThat(link.droppedByServer("b")).isTrue();
    assertThat(link.snapshot(SHARD)).containsExactly("a", "c");
    assertThat(link.droppedByServer("b")).as("already forgotten").isFalse();
    assertThat(link.droppedByServer("never-subscribed")).isFalse();
  }

  @Test
  void theAnswersToOurOwnUnsubscribesAreOursOncePerCommandSent() {
    link.change(SHARD, false, new String[] {"a"});
    link.change(SHARD, true, new String[] {"a"});
    link.change(SHARD, false, new String[] {"a"});
    link.change(SHARD, true, new String[] {"a"});
    assertThat(link.droppedByServer("a")).as("answer to the first SUNSUBSCRIBE").isFalse();
    assertThat(link.droppedByServer("a")).as("answer to the second").isFalse();
    assertThat(link.snapshot(SHARD)).contains("a");
    assertThat(link.droppedByServer("a")).as("a third one is the server's").isTrue();
    assertThat(link.snapshot(SHARD)).containsExactly("b", "c");
  }

  @Test
  void unsubscribingFromAllNamesEachChannelSoThatEveryAnswerIsOurs() {
    link.change(SHARD, false, new String[0]);
    link.change(SHARD, true, new String[] {"b"});
    assertThat(link.droppedByServer("a")).isFalse();
    assertThat(link.droppedByServer("b")).isFalse();
    assertThat(link.snapshot(SHARD)).containsExactly("b");
  }

  @Test
  void aLostConnectionForgetsWhatWasAskedOnIt() {
    link.change(SHARD, false, new String[] {"a"});
    link.change(SHARD, true, new String[] {"a"});
    assertThat(link.lost(peer.connection())).isTrue();
    assertThat(link.droppedByServer("a")).as("no answer can come on a new connection").isTrue();
  }
}
