package dev.respite.impl.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.respite.RedisProtocolException;
import dev.respite.Reply;
import dev.respite.impl.command.Commands;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The transport's checks behind the borrow-time check, on a {@link CannedPeer}. */
class RedisConnectionLivenessTest {
  private CannedPeer peer;
  private RedisConnection connection;

  @BeforeEach
  void connect() throws IOException {
    peer = CannedPeer.open(options -> options);
    connection = peer.connection();
  }

  @AfterEach
  void close() throws IOException {
    peer.close();
  }

  @Test
  void quietOpenConnectionIsReusable() {
    assertThat(CannedPeer.isUsable(connection)).isTrue();
    assertThat(CannedPeer.isUsable(connection)).as("checking twice changes nothing").isTrue();
  }

  @Test
  void bytesNobodyAskedForMakeItUnusable() throws Exception {
    peer.send("+OK\r\n");
    assertThat(eventually(() -> !CannedPeer.isUsable(connection))).isTrue();
  }

  @Test
  void closeByTheServerMakesItUnusable() throws Exception {
    peer.socket().close();
    assertThat(eventually(() -> !CannedPeer.isUsable(connection))).isTrue();
  }

  @Test
  void brokenConnectionIsNeverReusable() {
    connection.markBroken();
    assertThat(CannedPeer.isUsable(connection)).isFalse();
  }

  @Test
  void pushFramesThatArriveWithAReplyAreConsumedRatherThanTakenForStrayBytes() throws Exception {
    Commands.PING.write(connection.writer());
    connection.send(1);
    peer.send("+PONG\r\n>2\r\n$10\r\ninvalidate\r\n*1\r\n$1\r\nk\r\n");
    List<Reply> pushes = new ArrayList<>();
    connection.reader().setPushHandler(pushes::add);
    assertThat(connection.reader().readStatus()).isEqualTo("PONG");
    assertThat(connection.reader().hasBufferedInput()).as("one write from the peer arrives in one read").isTrue();
    Commands.PING.write(connection.writer());
    connection.send(1);
    peer.send("+PONG\r\n");
    assertThat(connection.reader().readStatus()).isEqualTo("PONG");
    assertThat(pushes).hasSize(1);
    assertThat(pushes.get(0).asList().get(0).asString()).isEqualTo("invalidate");
  }

  @Test
  void replyBytesNobodyAskedForFailTheNextSendAndBreakTheConnection() throws Exception {
    Commands.PING.write(connection.writer());
    connection.send(1);
    peer.send("+PONG\r\n+OK\r\n");
    assertThat(connection.reader().readStatus()).isEqualTo("PONG");
    assertThat(connection.reader().hasBufferedInput()).as("one write from the peer arrives in one read").isTrue();
    Commands.PING.write(connection.writer());
    assertThatThrownBy(() -> connection.send(1)).isInstanceOf(RedisProtocolException.class);
    assertThat(connection.isBroken()).isTrue();
  }

  /** Loopback delivers in microseconds, but the check must not depend on the scheduler: poll briefly. */
  private static boolean eventually(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(5);
    }
    return true;
  }
}
