package dev.respite.impl.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The borrow-time check on a {@link CannedPeer}. */
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
    assertThat(connection.isReusable()).isTrue();
    assertThat(connection.isReusable()).as("checking twice changes nothing").isTrue();
  }

  @Test
  void bytesNobodyAskedForMakeItUnusable() throws Exception {
    peer.send("+OK\r\n");
    assertThat(eventually(() -> !connection.isReusable())).isTrue();
  }

  @Test
  void closeByTheServerMakesItUnusable() throws Exception {
    peer.socket().close();
    assertThat(eventually(() -> !connection.isReusable())).isTrue();
  }

  @Test
  void brokenConnectionIsNeverReusable() {
    connection.markBroken();
    assertThat(connection.isReusable()).isFalse();
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
